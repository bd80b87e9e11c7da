/**
 * `npm run lab`: runs a preset or a permalink in Node on the page's engine and writes the same
 * `flatland/1` JSON that the page's "Export data" downloads.
 *
 *   npm run lab -- --preset default --steps 500 --out run.json
 *   npm run lab -- --spec '#v=1&seed=7&sgd.lr=0.05' --backend wasm
 *   npm run lab -- --list
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ensureMnistBin } from '../data-build/mnist';
import type { DataSources } from '../core/data/makeDataset';
import { defaultExperimentSpec } from '../protocol/defaultExperiment';
import { exportToJson } from '../protocol/exportJson';
import { decodePermalink } from '../protocol/permalink';
import { PRESETS } from '../protocol/presets';
import { startNodeBackend } from './nodeBackend';
import { runHeadless } from './runHeadless';

const USAGE = `usage: npm run lab -- [--preset ID | --spec '#…'] [--steps N] [--seed S]
                      [--backend cpu|wasm] [--out FILE] [--list]

  --preset ID     a preset of the gallery (see --list); default: the default experiment
  --spec HASH     a permalink's hash (everything after '#'); may name a preset itself
  --steps N       train until the first run has taken N steps (default 200)
  --seed S        override the experiment seed
  --backend B     cpu or wasm (default cpu)
  --out FILE      write the flatland/1 JSON here (default: standard output)
  --list          list the presets and exit`;

function fail(message: string): never {
  process.stderr.write(`lab: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function progressBar(done: number, total: number): string {
  const width = 30;
  const filled = Math.round((Math.min(done, total) / total) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} steps`;
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        preset: { type: 'string' },
        spec: { type: 'string' },
        steps: { type: 'string', default: '200' },
        seed: { type: 'string' },
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
    for (const preset of PRESETS) process.stdout.write(`${preset.id.padEnd(28)} ${preset.title}\n`);
    return;
  }
  if (args.preset && args.spec) fail('give --preset or --spec, not both');
  const steps = Number(args.steps);
  if (!Number.isInteger(steps) || steps < 0)
    fail(`--steps must be a whole number, got ${args.steps}`);
  const backend = args.backend;
  if (backend !== 'cpu' && backend !== 'wasm')
    fail(`--backend must be cpu or wasm, got ${backend}`);

  const hash = args.spec ?? (args.preset ? `preset=${encodeURIComponent(args.preset)}` : '');
  if (args.preset && !PRESETS.some((p) => p.id === args.preset)) {
    fail(`no preset ${JSON.stringify(args.preset)}; --list shows them`);
  }
  const decoded = decodePermalink(hash, defaultExperimentSpec());
  for (const correction of decoded.corrections) process.stderr.write(`lab: note: ${correction}\n`);
  let spec = decoded.spec;
  if (args.seed !== undefined) {
    const seed = Number(args.seed);
    if (!Number.isInteger(seed) || seed < 0)
      fail(`--seed must be a whole number, got ${args.seed}`);
    spec = { ...spec, seed };
  }

  let sources: DataSources = {};
  if (spec.dataset.kind === 'mnist') {
    sources = { mnist: ensureMnistBin() };
  }

  await startNodeBackend(backend);
  const started = performance.now();
  const document = await runHeadless(spec, {
    steps,
    sources,
    onProgress: (done) => process.stderr.write(`\r${progressBar(done, Math.max(1, steps))}`),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stderr.write(`\nlab: ${spec.runs.length} run(s) on ${backend} in ${seconds} s\n`);
  for (const run of document.runs) {
    const last = run.series.trainLoss[run.series.trainLoss.length - 1];
    process.stderr.write(
      `lab:   ${run.label}: ${run.steps} steps, ${run.gradEvals} gradients, train loss ${Number(last).toPrecision(4)}` +
        `${run.reason ? ` — stopped: ${run.reason}` : ''}\n`,
    );
  }
  const json = exportToJson(document);
  if (args.out) {
    writeFileSync(args.out, json);
    process.stderr.write(`lab: wrote ${args.out} (${(json.length / 1024).toFixed(0)} KiB)\n`);
  } else {
    process.stdout.write(`${json}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`\nlab: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
