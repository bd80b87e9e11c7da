/**
 * `npm run lab`: runs a preset or a permalink in Node on the page's engine and writes the same
 * `flatland/1` JSON that the page's "Export data" downloads, with the preset's verdict (a study,
 * `--preset fbp`, runs its job and writes `flatland-study/1`, its sibling). Without
 * --steps or --ticks it runs the experiment's budget; --seeds sweeps the experiment seed and
 * writes one export per seed plus a summary table.
 *
 *   npm run lab -- --preset race --out race.json
 *   npm run lab -- --preset race --seeds 1-10 --out sweep/race
 *   npm run lab -- --spec '#v=1&seed=7&sgd.lr=0.05' --backend wasm --ticks 300
 *   npm run lab -- --list
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ensureMnistBin } from '../data-build/mnist';
import type { DataSources } from '../core/data/makeDataset';
import { defaultExperimentSpec } from '../protocol/defaultExperiment';
import { exportToJson } from '../protocol/exportJson';
import { decodePermalink } from '../protocol/permalink';
import { csvFormat } from 'd3';
import type { ExportDocument, ExportVerdict } from '../protocol/exportFormat';
import { CATALOG, DEFAULT_PRESET_ID, PRESETS, STUDIES, findPreset, findStudy } from '../presets';
import { finalLambdaMax, fmt, last, localEnergy, series } from '../protocol/checks';
import { startNodeBackend } from './nodeBackend';
import { progressReporter } from './progressBar';
import { runStudies } from './runStudies';
import { runHeadless } from './runHeadless';

const USAGE = `usage: npm run lab -- [--preset ID | --spec '#…'] [--ticks N | --steps N]
                      [--seed S | --seeds LIST] [--backend cpu|wasm] [--out FILE] [--list]

  --preset ID     a preset of the gallery (see --list); default: the default experiment (race)
  --spec HASH     a permalink's hash (everything after '#'); may name a preset itself
  --ticks N       train for N lockstep ticks (default: the experiment's budget, else 200)
  --steps N       train until the first run has taken N steps instead
  --seed S        override the experiment seed
  --seeds LIST    one run per experiment seed: 1-10, or 1,4,9; writes FILE-seed<S>.json each
                  and FILE-summary.csv, and prints the summary table
  --backend B     cpu or wasm (default cpu)
  --out FILE      write the flatland/1 JSON here (default: standard output)
  --list          list the presets and the studies, and exit
A study (fbp, simple-model, …) runs its job once per seed and writes flatland-study/1;
--ticks and --steps do not apply to it.`;

/** The seeds of "1-10" or "1,4,9" (or a mix), or a message saying what is wrong. */
export function parseSeeds(text: string): number[] | string {
  const seeds: number[] = [];
  for (const part of text.split(',')) {
    const range = /^\s*(\d+)\s*(?:-\s*(\d+))?\s*$/.exec(part);
    if (!range) return `--seeds takes 1-10 or 1,4,9, got ${JSON.stringify(text)}`;
    const from = Number(range[1]);
    const to = range[2] === undefined ? from : Number(range[2]);
    if (to < from || to - from > 10_000)
      return `--seeds range ${part.trim()} is backwards or too long`;
    for (let s = from; s <= to; s++) seeds.push(s);
  }
  return [...new Set(seeds)];
}

function fail(message: string): never {
  process.stderr.write(`lab: ${message}\n${USAGE}\n`);
  process.exit(2);
}

/** One row of a sweep's summary: the verdict and each run's key figures at the end. */
function summaryRow(seed: number, doc: ExportDocument, verdict: ExportVerdict | null) {
  const row: Record<string, string | number> = {
    seed,
    ok: verdict ? String(verdict.ok) : '',
    flat: verdict?.flat ?? '',
    sharp: verdict?.sharp ?? '',
  };
  for (const run of doc.runs) {
    row[`${run.id}.trainLoss`] = fmt(last(series(run, 'trainLoss')));
    row[`${run.id}.testError`] = fmt(last(series(run, 'testError')));
    row[`${run.id}.lambdaMax`] = fmt(finalLambdaMax(run));
    row[`${run.id}.dE0.3`] = fmt(localEnergy(run, 0.3));
  }
  return row;
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        preset: { type: 'string' },
        spec: { type: 'string' },
        steps: { type: 'string' },
        ticks: { type: 'string' },
        seed: { type: 'string' },
        seeds: { type: 'string' },
        backend: { type: 'string', default: 'cpu' },
        out: { type: 'string' },
        list: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (args.list) {
    for (const preset of PRESETS)
      process.stdout.write(
        `${preset.id.padEnd(16)} ${String(preset.spec.budget).padStart(5)} ticks  ${preset.title}\n`,
      );
    for (const study of STUDIES)
      process.stdout.write(`${study.id.padEnd(16)} ${'study'.padStart(11)}  ${study.title}\n`);
    return;
  }
  if (args.preset && args.spec) fail('give --preset or --spec, not both');
  if (args.steps !== undefined && args.ticks !== undefined)
    fail('give --steps or --ticks, not both');
  if (args.seed !== undefined && args.seeds !== undefined) fail('give --seed or --seeds, not both');
  const whole = (name: string, text: string): number => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 0) fail(`--${name} must be a whole number, got ${text}`);
    return n;
  };
  const backend = args.backend;
  if (backend !== 'cpu' && backend !== 'wasm')
    fail(`--backend must be cpu or wasm, got ${backend}`);

  const hash = args.spec ?? (args.preset ? `preset=${encodeURIComponent(args.preset)}` : '');
  if (args.preset && !PRESETS.some((p) => p.id === args.preset) && !findStudy(args.preset)) {
    fail(`no preset ${JSON.stringify(args.preset)}; --list shows them`);
  }
  const decoded = decodePermalink(hash, defaultExperimentSpec(), CATALOG);
  for (const correction of decoded.corrections) process.stderr.write(`lab: note: ${correction}\n`);
  let seeds: number[] | null = null;
  if (args.seeds !== undefined) {
    const parsed = parseSeeds(args.seeds);
    if (typeof parsed === 'string') fail(parsed);
    if (!args.out) fail('--seeds writes one file per seed: give --out PREFIX');
    seeds = parsed;
  }
  if (decoded.study) {
    if (args.steps !== undefined || args.ticks !== undefined)
      fail('a study runs its job to the end: --ticks and --steps do not apply');
    const study = findStudy(decoded.study.id);
    if (!study) fail(`no study ${decoded.study.id}`);
    const seedList = seeds ?? [
      args.seed !== undefined ? whole('seed', args.seed) : decoded.study.job.seed,
    ];
    await startNodeBackend(backend);
    await runStudies(study, decoded.study.job, seedList, {
      backend,
      out: args.out,
      sweep: seeds !== null,
      progress: (line) => process.stderr.write(line),
      terminal: process.stderr.isTTY,
    });
    return;
  }
  const base = decoded.spec;
  // A bare link is the default experiment, which is the race.
  const preset = findPreset(decoded.preset ?? (hash === '' ? DEFAULT_PRESET_ID : '')) ?? null;
  const until: { ticks: number } | { steps: number } =
    args.steps !== undefined
      ? { steps: whole('steps', args.steps) }
      : { ticks: args.ticks !== undefined ? whole('ticks', args.ticks) : base.budget || 200 };
  const seedList = seeds ?? [args.seed !== undefined ? whole('seed', args.seed) : base.seed];

  const sources: DataSources = base.dataset.kind === 'mnist' ? { mnist: ensureMnistBin() } : {};
  await startNodeBackend(backend);
  const unit = 'ticks' in until ? 'ticks' : 'steps';
  const total: number = 'ticks' in until ? until.ticks : until.steps;
  const rows: Record<string, string | number>[] = [];
  const report = progressReporter((t) => process.stderr.write(t), process.stderr.isTTY);
  for (const [index, seed] of seedList.entries()) {
    const spec = { ...base, seed };
    const prefix = seeds ? `seed ${seed} (${index + 1}/${seeds.length}) ` : '';
    const started = performance.now();
    const document = await runHeadless(spec, {
      until,
      sources,
      onProgress: (done) => report(done, total, unit, prefix),
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stderr.write(
      `${process.stderr.isTTY ? '\n' : ''}lab: ${spec.runs.length} run(s) on ${backend} in ${seconds} s\n`,
    );
    for (const run of document.runs) {
      const lastLoss = run.series.trainLoss[run.series.trainLoss.length - 1];
      process.stderr.write(
        `lab:   ${run.label}: ${run.steps} steps, ${run.gradEvals} gradients, train loss ${Number(lastLoss).toPrecision(4)}` +
          `${run.reason ? ` — stopped: ${run.reason}` : ''}\n`,
      );
    }
    const check = preset?.check(document) ?? null;
    const verdict: ExportVerdict | null = preset && check ? { preset: preset.id, ...check } : null;
    if (verdict) process.stderr.write(`lab: verdict ${verdict.ok ? '✓' : '✗'} ${verdict.detail}\n`);
    const json = exportToJson(verdict ? { ...document, verdict } : document);
    const file = seeds ? `${args.out}-seed${seed}.json` : args.out;
    if (file) {
      writeFileSync(file, json);
      process.stderr.write(`lab: wrote ${file} (${(json.length / 1024).toFixed(0)} KiB)\n`);
    } else {
      process.stdout.write(`${json}\n`);
    }
    rows.push(summaryRow(seed, document, verdict));
  }
  if (seeds) {
    const csv = csvFormat(rows);
    writeFileSync(`${args.out}-summary.csv`, `${csv}\n`);
    const held = rows.filter((r) => r.ok === 'true').length;
    process.stdout.write(`${csv}\n`);
    process.stderr.write(
      `lab: wrote ${args.out}-summary.csv; verdict held on ${held} of ${rows.length} seeds\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`\nlab: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
