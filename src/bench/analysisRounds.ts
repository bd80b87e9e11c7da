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
  /** The first round (cold: kernels and caches set up) and the second, in seconds. */
  readonly firstSeconds: number;
  readonly secondSeconds: number;
  /** Seconds of the second round per job: spectrum, slice (with local slices and interpolation), flatness. */
  readonly stages: Readonly<Record<string, number>>;
}

/** Ticks of training before the measured rounds (the weights leave the initialization). */
const WARMUP_TICKS = 20;

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
      for (let r = 0; r < 2; r++) {
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
      const [first, second] = rounds;
      out.push({
        preset: preset.id,
        params: experiment.model.paramCount,
        runs: preset.spec.runs.length,
        firstSeconds: first?.seconds ?? Number.NaN,
        secondSeconds: second?.seconds ?? Number.NaN,
        stages: second?.stages ?? {},
      });
      options.log?.(`analysis round of ${preset.id}: ${(second?.seconds ?? NaN).toFixed(2)} s`);
    } finally {
      experiment.dispose();
    }
  }
  return out;
}
