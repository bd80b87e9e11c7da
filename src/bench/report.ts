/**
 * `bench.json` and the Markdown table `npm run bench` prints: one row per measure, one column per
 * backend, the target beside it.
 */
import type { PageBench } from './browser';
import type { BackendBench, TrainingBench } from './measure';
import { FULL_SIZES, type BenchSizes } from './sizes';
import { WARM_ROUNDS } from './analysisRounds';

/** One column of the table: a backend on a host, measured or not. */
export interface BenchEntry {
  readonly host: 'chromium' | 'node';
  readonly backend: string;
  readonly status: 'ok' | 'unavailable' | 'error';
  /** Why there are no numbers (status ≠ 'ok'). */
  readonly reason?: string;
  readonly gpuAdapter?: { readonly description: string; readonly isFallback: boolean } | null;
  readonly bench?: BackendBench;
  /** The app's main thread while the default experiment ran (Chromium only). */
  readonly page?: PageBench | { readonly error: string };
  /** With `--runs N > 1`: every run's numbers; `bench` and `page` are then their medians. */
  readonly runs?: readonly BackendBench[];
}

export interface BenchReport {
  readonly version: 1;
  readonly date: string;
  readonly quick: boolean;
  readonly machine: {
    readonly cpus: number;
    readonly cpuModel: string;
    readonly platform: string;
    readonly node: string;
    readonly chromium: string | null;
  };
  /** How many interleaved runs each entry's numbers are the median of (absent: one). */
  readonly runs?: number;
  readonly entries: readonly BenchEntry[];
  readonly totalSeconds: number;
}

const fixed = (x: number, digits: number) => (Number.isFinite(x) ? x.toFixed(digits) : '–');
const seconds = (s: number) => (s < 1 ? `${fixed(s * 1000, 0)} ms` : `${fixed(s, 2)} s`);
const ms = (x: number) => `${fixed(x, x < 10 ? 1 : 0)} ms`;
const percent = (x: number) => `${fixed(100 * x, x < 0.1 ? 1 : 0)}%`;
const thousands = (n: number) => n.toLocaleString('en-US');

type Row = [measure: string, target: string, cell: (e: BenchEntry) => string];

function pageCell(f: (p: PageBench) => string): (e: BenchEntry) => string {
  return (e) => {
    if (!e.page) return '';
    if ('error' in e.page) return 'failed';
    return f(e.page);
  };
}

function benchCell(f: (b: BackendBench) => string): (e: BenchEntry) => string {
  return (e) => (e.bench ? f(e.bench) : '');
}

function trainingCell(optimizer: TrainingBench['optimizer'], batch: number) {
  return benchCell((b) => {
    const t = b.training.find((x) => x.optimizer === optimizer && x.batchSize === batch);
    return t
      ? `${fixed(t.stepsPerSecond, t.stepsPerSecond < 10 ? 1 : 0)}/s · ${fixed(t.gflops, 2)} GF/s · ${percent(t.fractionOfCeiling)}`
      : '';
  });
}

/** Where a backend's sizes differ from the full run's, in words (the table's footnotes). */
export function sizeDifferences(s: BenchSizes): string[] {
  const notes: string[] = [];
  const full = FULL_SIZES;
  if (s.matmulSize !== full.matmulSize) notes.push(`matmul ${s.matmulSize}²`);
  if (s.samples !== full.samples) notes.push(`${s.samples} samples for HVP/spectrum/slice/energy`);
  if (s.hidden !== full.hidden) notes.push(`MLP 196–${s.hidden}–10`);
  if (s.exactHidden !== full.exactHidden) notes.push(`exact model 196–${s.exactHidden}–10`);
  if (s.slqSteps !== full.slqSteps) notes.push(`SLQ ${s.slqSteps} steps`);
  if (s.hutchinsonSamples !== full.hutchinsonSamples)
    notes.push(`${s.hutchinsonSamples} Hutchinson probes`);
  if (s.sliceResolution !== full.sliceResolution) notes.push(`${s.sliceResolution}² slice`);
  if (s.pointwisePoints !== full.pointwisePoints)
    notes.push(`point by point timed on ${s.pointwisePoints} points`);
  if (s.energySamples !== full.energySamples) notes.push(`local energy M = ${s.energySamples}`);
  if (s.leakSteps !== full.leakSteps) notes.push(`${s.leakSteps} steps for the tensor count`);
  if (s.repeats !== full.repeats || s.heavyRepeats !== full.heavyRepeats)
    notes.push(`median of ${s.repeats} (heavy: ${s.heavyRepeats}) repeats`);
  return notes;
}

export function columnName(e: BenchEntry): string {
  return `${e.host} ${e.backend}`;
}

/** The Markdown table (with footnotes for scaled-down columns and missing backends). */
/**
 * One row per preset: the median of its warm analysis rounds with each stage's median, and the
 * first (cold) round.
 */
function roundRows(entries: readonly BenchEntry[]): Row[] {
  const presets = [...new Set(entries.flatMap((e) => e.bench?.rounds.map((r) => r.preset) ?? []))];
  return presets.map((id) => {
    const params = entries.flatMap((e) => e.bench?.rounds ?? []).find((r) => r.preset === id);
    return [
      `analysis round: ${id} (D=${thousands(params?.params ?? NaN)}, ${params?.runs ?? '?'} runs; median of ${WARM_ROUNDS} warm)`,
      id === 'mnist' ? '≤ 5 s (wasm)' : '≤ 1 s (wasm)',
      benchCell((b) => {
        const r = b.rounds.find((x) => x.preset === id);
        if (!r) return '';
        const stages = Object.entries(r.stages)
          .map(([job, s]) => `${job} ${seconds(s)}`)
          .join(' · ');
        return `${seconds(r.warmSeconds)} (${stages}; first ${seconds(r.firstSeconds)})`;
      }),
    ];
  });
}

export function markdownTable(report: BenchReport): string {
  const entries = report.entries;
  const rows: Row[] = [
    [
      'matmul ceiling (n×n·n×n)',
      '',
      benchCell((b) => `${fixed(b.ceiling.gflops, 2)} GF/s (n=${b.ceiling.n})`),
    ],
    ['SGD, batch 64: steps/s · GFLOP/s · of ceiling', '≥ 30% (wasm)', trainingCell('sgd', 64)],
    ['SGD, batch 512', '', trainingCell('sgd', 512)],
    ['Entropy-SGD (L = 5), batch 64', '', trainingCell('entropySgd', 64)],
    ['Entropy-SGD (L = 5), batch 512', '', trainingCell('entropySgd', 512)],
    [
      'gradient, 1,000 samples (tfjs tape) · of ceiling',
      '≥ 70% (wasm)',
      benchCell(
        (b) =>
          `${ms(b.hvp.gradientSeconds * 1000)} (${ms(b.hvp.tapeGradientSeconds * 1000)}) · ${percent(b.hvp.gradientOfCeiling)}`,
      ),
    ],
    [
      'HVP (app operator) / per vector in a pass of 10 / generic double backward',
      '',
      benchCell(
        (b) =>
          `${ms(b.hvp.hvpSeconds * 1000)} / ${ms(b.hvp.batchedSeconds * 1000)} / ${ms(b.hvp.autodiffSeconds * 1000)}`,
      ),
    ],
    ['HVP cost in gradients', '≤ 2.2', benchCell((b) => fixed(b.hvp.gradients, 2))],
    [
      'exact spectrum (D ≈ 2k), eigenvalues only: total (H from HVPs · eigensolve)',
      '≤ 2 s',
      benchCell(
        (b) =>
          `${seconds(b.exact.seconds)} (${seconds(b.exact.columnsSeconds)} · ${seconds(b.exact.eigenSeconds)}; D=${thousands(b.exact.dim)}, ${thousands(b.exact.nonzeroRows)} rows not zero)`,
      ),
    ],
    [
      'Lanczos top-10 vs exact: max rel. error (HVPs)',
      '≤ 1e-3',
      benchCell(
        (b) =>
          `${b.lanczosAccuracy.maxRelativeError.toExponential(1)} (${b.lanczosAccuracy.steps})`,
      ),
    ],
    [
      'trace vs exact: Hutchinson · Hutch++ error (error bar), same products',
      '',
      benchCell((b) => {
        const a = b.estimatorAccuracy;
        const cell = (e: { error: number; errorBar: number }) =>
          `${percent(e.error)} (${percent(e.errorBar)})`;
        return `${cell(a.hutchinson)} · ${cell(a.hutchPlusPlus)}`;
      }),
    ],
    [
      'SLQ density vs exact: W₁ ÷ spectral width, probes × steps',
      '',
      benchCell((b) =>
        b.estimatorAccuracy.slq
          .map((q) => `${q.distance.toExponential(1)} (${q.probes}×${q.steps})`)
          .join(' · '),
      ),
    ],
    [
      'Lanczos top-10 to tol 1e-3, MNIST MLP: time (HVPs · beyond HVPs; max residual ÷ |θ|)',
      '≤ 0.36 s',
      benchCell(
        (b) =>
          `${seconds(b.lanczos.seconds)} (${b.lanczos.products} · ${seconds(b.lanczos.overheadSeconds)}; ${b.lanczos.maxRelativeResidual.toExponential(1)})`,
      ),
    ],
    [
      'SLQ density, 1 probe × 90 steps: time (HVPs · beyond HVPs)',
      '≤ 1 s',
      benchCell(
        (b) => `${seconds(b.slq.seconds)} (${b.slq.products} · ${seconds(b.slq.overheadSeconds)})`,
      ),
    ],
    [
      'Hutchinson trace: rel. error bar (probes) · time',
      '2%',
      benchCell(
        (b) =>
          `${percent(b.hutchinson.relativeError)} (${b.hutchinson.samples}) · ${seconds(b.hutchinson.seconds)}`,
      ),
    ],
    [
      'Hutch++ trace: rel. error bar · HVPs used · time',
      '2%',
      benchCell(
        (b) =>
          `${percent(b.hutchPlusPlus.relativeError)} · ${b.hutchPlusPlus.products} · ${seconds(b.hutchPlusPlus.seconds)}`,
      ),
    ],
    [
      'probes for a 2% error bar: Hutchinson · Hutch++ (at most)',
      '',
      benchCell(
        (b) =>
          `${thousands(b.hutchinson.samplesFor2Percent)} · ≤ ${thousands(b.hutchPlusPlus.productsFor2Percent)}`,
      ),
    ],
    [
      '41×41 slice, decomposed',
      '≤ 0.5 s (wasm, Chromium)',
      benchCell((b) => seconds(b.slice.decomposedSeconds)),
    ],
    ['41×41 slice, point by point', '', benchCell((b) => seconds(b.slice.pointwiseSeconds))],
    [
      'decomposed speed-up over point by point',
      '≥ 10×',
      benchCell((b) => `${fixed(b.slice.speedup, 1)}×`),
    ],
    ['local energy (M = 32, 8 σ)', '', benchCell((b) => seconds(b.localEnergy.seconds))],
    ...roundRows(entries),
    [
      'page: longest main-thread task',
      '≤ 50 ms',
      pageCell((p) =>
        p.longTasks ? `${fixed(p.longestTaskMs, 0)} ms (${p.longTasks})` : 'none ≥ 50 ms',
      ),
    ],
    [
      'page: frame rate while training (paused)',
      '≥ 55 fps',
      pageCell((p) => `${fixed(p.fps, 1)} fps (${fixed(p.idleFps, 1)})`),
    ],
    [
      'page: snapshot latency, median / p95',
      '',
      pageCell((p) => `${ms(p.snapshotLatencyMs.median)} / ${ms(p.snapshotLatencyMs.p95)}`),
    ],
    ['page: steps in the window', '', pageCell((p) => `${p.steps} in ${fixed(p.seconds, 0)} s`)],
    [
      'peak tensors · peak MB',
      '',
      benchCell(
        (b) => `${thousands(b.memory.peakTensors)} · ${fixed(b.memory.peakBytes / 2 ** 20, 1)}`,
      ),
    ],
    [
      'tensor count change over 1,000 steps',
      '0',
      benchCell(
        (b) =>
          `${b.memory.tensorDelta}${b.memory.leakSteps !== 1000 ? ` (${b.memory.leakSteps} steps)` : ''}`,
      ),
    ],
    ['bench time', '', benchCell((b) => seconds(b.totalSeconds))],
  ];

  const marks = ['*', '†', '‡', '§', '¶', '#'];
  const footnotes: string[] = [];
  const headers = entries.map((e) => {
    let notes: string[] = [];
    if (e.status !== 'ok') notes = [`${e.status}: ${e.reason ?? ''}`];
    else if (e.bench && e.bench.sizes.label !== 'full' && e.bench.sizes.label !== 'quick')
      notes = sizeDifferences(e.bench.sizes);
    if (e.gpuAdapter && e.backend === 'webgpu')
      notes.push(
        `adapter: ${e.gpuAdapter.description}${e.gpuAdapter.isFallback ? ' (software fallback)' : ''}`,
      );
    if (notes.length === 0) return columnName(e);
    const mark = marks[footnotes.length % marks.length]!;
    footnotes.push(`${mark} ${columnName(e)}: ${notes.join('; ')}.`);
    return `${columnName(e)}${mark}`;
  });
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const out = [
    line(['measure', 'target', ...headers]),
    line(['---', '---', ...entries.map(() => '---')]),
    ...rows.map(([measure, target, cell]) => line([measure, target, ...entries.map(cell)])),
  ];
  if (footnotes.length) out.push('', ...footnotes);
  return out.join('\n');
}
