/**
 * One full analysis round (spectrum, slices, interpolation and flatness of every run:
 * `Experiment.analyse`) of each preset's model, after a few ticks of training: the number that
 * decides whether analyses can be live (issue 13: ≤ 1 s on wasm; the MNIST preset ≤ ~5 s).
 */
import { createExperiment } from '../engine/experiment';
import { PRESETS } from '../presets';

export interface AnalysisRoundBench {
  readonly preset: string;
  /** D of the preset's model. */
  readonly params: number;
  readonly runs: number;
  /** The first round (cold: kernels and caches set up), in seconds. */
  readonly firstSeconds: number;
  /**
   * The median of the WARM_ROUNDS rounds after it, in seconds: one round varies by ±50% on a
   * shared VM, the median of three much less.
   */
  readonly warmSeconds: number;
  /** Every warm round, in seconds, in the order run. */
  readonly warmRounds: readonly number[];
  /**
   * Per job (spectrum, slice with local slices and interpolation, flatness): the median of its
   * seconds over the warm rounds.
   */
  readonly stages: Readonly<Record<string, number>>;
}

/** Ticks of training before the measured rounds (the weights leave the initialization). */
const WARMUP_TICKS = 20;
/** Rounds after the cold first one; the reported figure is their median. */
export const WARM_ROUNDS = 3;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? Number.NaN) + (sorted[mid] ?? Number.NaN)) / 2;
}

/** The rounds of every preset whose analysis computes something, in the gallery's order. */
export async function analysisRounds(
  mnist: Uint8Array,
  options: { quick?: boolean; log?: (text: string) => void } = {},
): Promise<AnalysisRoundBench[]> {
  const out: AnalysisRoundBench[] = [];
  const presets = PRESETS.filter((p) => {
    const a = p.spec.analysis;
    return a.spectrum !== 'off' || a.slice !== null || a.flatness !== null;
  }).filter((p) => !options.quick || p.id === 'race' || p.id === 'mnist');
  for (const preset of presets) {
    const sources = preset.spec.dataset.kind === 'mnist' ? { mnist } : {};
    const experiment = await createExperiment(preset.spec, sources, null);
    try {
      for (let t = 0; t < WARMUP_TICKS; t++) {
        experiment.advance();
        await experiment.measure();
      }
      const rounds: { seconds: number; stages: Record<string, number> }[] = [];
      for (let r = 0; r < 1 + WARM_ROUNDS; r++) {
        const stages: Record<string, number> = {};
        let job = '';
        let since = performance.now();
        const started = since;
        await experiment.analyse(preset.spec.analysis, {
          yieldToHost: () => Promise.resolve(),
          onStage: (p) => {
            if (p.job === job) return;
            const now = performance.now();
            if (job) stages[job] = (stages[job] ?? 0) + (now - since) / 1000;
            [job, since] = [p.job, now];
          },
        });
        const end = performance.now();
        if (job) stages[job] = (stages[job] ?? 0) + (end - since) / 1000;
        rounds.push({ seconds: (end - started) / 1000, stages });
      }
      const [first, ...warm] = rounds;
      const warmSeconds = median(warm.map((r) => r.seconds));
      const jobs = [...new Set(warm.flatMap((r) => Object.keys(r.stages)))];
      out.push({
        preset: preset.id,
        params: experiment.model.paramCount,
        runs: preset.spec.runs.length,
        firstSeconds: first?.seconds ?? Number.NaN,
        warmSeconds,
        warmRounds: warm.map((r) => r.seconds),
        stages: Object.fromEntries(jobs.map((j) => [j, median(warm.map((r) => r.stages[j] ?? 0))])),
      });
      options.log?.(
        `analysis round of ${preset.id}: ${warmSeconds.toFixed(2)} s (median of ${warm.length} warm rounds)`,
      );
    } finally {
      experiment.dispose();
    }
  }
  return out;
}
