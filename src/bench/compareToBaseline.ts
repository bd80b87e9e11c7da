/**
 * `npm run bench -- --baseline old.json`: the headline timings of this run against a saved
 * bench.json, entry by entry. This VM's speed moves by ±30% between runs and by 2× between days,
 * so each ratio is also divided by the change of that entry's matmul ceiling (the machine's speed
 * measured in the same run). The ceiling is noisy too (±30% with threads), so a row is flagged
 * only when both ratios pass the threshold the same way. Even so a flag is a hint to re-run with
 * `--runs 3`, not a verdict: unchanged code was flagged here once (SGD at batch 64, 1.5×).
 */
import type { BackendBench } from './measure';
import type { BenchEntry, BenchReport } from './report';

/** The timings compared (seconds: lower is better). */
export const HEADLINES: readonly (readonly [
  measure: string,
  seconds: (b: BackendBench) => number,
])[] = [
  ['gradient, 1,000 samples', (b) => b.hvp.gradientSeconds],
  ['HVP', (b) => b.hvp.hvpSeconds],
  ['exact spectrum', (b) => b.exact.seconds],
  ['Lanczos top-10, tol 1e-3', (b) => b.lanczos.seconds],
  ['SLQ 1 × 90', (b) => b.slq.seconds],
  ['Hutch++ trace', (b) => b.hutchPlusPlus.seconds],
  ['41² slice, decomposed', (b) => b.slice.decomposedSeconds],
  ['local energy', (b) => b.localEnergy.seconds],
  ['SGD, batch 64 (per step)', (b) => stepSeconds(b, 'sgd', 64)],
  ['Entropy-SGD, batch 64 (per step)', (b) => stepSeconds(b, 'entropySgd', 64)],
  ['analysis round: race', (b) => roundSeconds(b, 'race')],
  ['analysis round: mnist', (b) => roundSeconds(b, 'mnist')],
];

function stepSeconds(b: BackendBench, optimizer: 'sgd' | 'entropySgd', batch: number): number {
  const t = b.training.find((x) => x.optimizer === optimizer && x.batchSize === batch);
  return t ? 1 / t.stepsPerSecond : Number.NaN;
}

function roundSeconds(b: BackendBench, preset: string): number {
  return b.rounds.find((r) => r.preset === preset)?.warmSeconds ?? Number.NaN;
}

export interface BaselineComparison {
  /** The column, as the table names it: host and backend. */
  readonly entry: string;
  readonly measure: string;
  readonly baselineSeconds: number;
  readonly seconds: number;
  /** seconds ÷ baselineSeconds. */
  readonly ratio: number;
  /** ratio × (ceiling now ÷ ceiling then): the ratio with the machine's change taken out. */
  readonly normalized: number;
  /** 'slower' / 'faster' when `ratio` and `normalized` are both beyond the threshold that way. */
  readonly flag: 'slower' | 'faster' | '';
}

const key = (e: BenchEntry) => `${e.host} ${e.backend}`;

/**
 * Every headline of every entry measured in both reports (same host, backend and sizes), with
 * `threshold` (default 1.3: the run-to-run spread here) for the flags.
 */
export function compareToBaseline(
  now: BenchReport,
  baseline: BenchReport,
  threshold = 1.3,
): BaselineComparison[] {
  const before = new Map(baseline.entries.filter((e) => e.bench).map((e) => [key(e), e.bench!]));
  const out: BaselineComparison[] = [];
  for (const entry of now.entries) {
    const b = entry.bench;
    const a = before.get(key(entry));
    if (!b || !a || a.sizes.label !== b.sizes.label) continue;
    const machine = b.ceiling.gflops / a.ceiling.gflops;
    for (const [measure, seconds] of HEADLINES) {
      const then = seconds(a);
      const t = seconds(b);
      if (!(then > 0) || !(t > 0)) continue;
      const ratio = t / then;
      const normalized = ratio * machine;
      const beyond = Math.min(ratio, normalized) > threshold;
      const below = Math.max(ratio, normalized) < 1 / threshold;
      const flag = beyond ? 'slower' : below ? 'faster' : '';
      out.push({
        entry: key(entry),
        measure,
        baselineSeconds: then,
        seconds: t,
        ratio,
        normalized,
        flag,
      });
    }
  }
  return out;
}

const time = (s: number) =>
  s < 1 ? `${(s * 1000).toFixed(s < 0.01 ? 2 : 1)} ms` : `${s.toFixed(2)} s`;

/** The comparison as a Markdown table, with the two reports' dates and ceilings above it. */
export function baselineTable(
  now: BenchReport,
  baseline: BenchReport,
  rows: readonly BaselineComparison[],
): string {
  const ceilings = now.entries
    .filter((e) => e.bench)
    .map((e) => {
      const then = baseline.entries.find((x) => key(x) === key(e))?.bench?.ceiling.gflops;
      return `${key(e)} ${then?.toFixed(1) ?? '–'} → ${e.bench!.ceiling.gflops.toFixed(1)} GF/s`;
    });
  const lines = [
    `Against the baseline of ${baseline.date} (matmul ceiling ${ceilings.join('; ')}):`,
    '',
    '| entry | measure | baseline | now | now ÷ baseline | ÷ ceiling change | |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.entry} | ${r.measure} | ${time(r.baselineSeconds)} | ${time(r.seconds)} | ${r.ratio.toFixed(2)} | ${r.normalized.toFixed(2)} | ${r.flag} |`,
    ),
  ];
  return lines.join('\n');
}
