/**
 * `npm run bench`: builds the app, runs the micro-benchmarks of src/bench/measure.ts in headless
 * Chromium on every backend that starts (webgpu, webgl, wasm, cpu; the bench page and its worker)
 * and in Node (cpu, wasm), watches the app's main thread while the default experiment runs, then
 * prints a Markdown table and writes bench.json. It reports; it never fails on speed.
 *
 *   npm run bench [-- --quick] [--out file.json] [--skip-build] [--only chromium:wasm,node:cpu]
 *                 [--runs 3] [--baseline old-bench.json]
 *
 * `--runs N` runs every entry N times, interleaved (all entries, then all again), and reports
 * each number's median over the runs (`medianOfRuns`); bench.json keeps every run too.
 * `--baseline F` then compares the headline timings with a saved bench.json (`compareToBaseline`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, platform } from 'node:os';
import { parseArgs } from 'node:util';
import { preview } from 'vite';
import { startNodeBackend, type NodeBackendName } from '../cli/nodeBackend';
import { launchChromium } from '../e2e/chromium';
import { benchInChromium, measureAppPage, type ChromiumBackend } from './browser';
import { runBenchmarks } from './measure';
import { baselineTable, compareToBaseline } from './compareToBaseline';
import { medianOfRuns } from './medianOfRuns';
import { markdownTable, type BenchEntry, type BenchReport } from './report';
import { sizesFor } from './sizes';

// wasm-threads: wasm forced to two threads (the app keeps them only where measured faster).
const CHROMIUM_BACKENDS: readonly ChromiumBackend[] = [
  'webgpu',
  'webgl',
  'wasm',
  'wasm-threads',
  'cpu',
];
const NODE_BACKENDS: readonly NodeBackendName[] = ['cpu', 'wasm'];
const MNIST_PATH = 'public/data/mnist.bin';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench.json' },
    'skip-build': { type: 'boolean', default: false },
    only: { type: 'string' },
    runs: { type: 'string', default: '1' },
    baseline: { type: 'string' },
  },
});
const runs = Math.max(1, Math.floor(Number(args.runs)) || 1);
const quick = args.quick;
const only = args.only ? new Set(args.only.split(',').map((s) => s.trim())) : null;
const wanted = (host: string, backend: string) => !only || only.has(`${host}:${backend}`);

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
const say = (text: string) => console.info(`[bench ${elapsed()}] ${text}`);

function build(): void {
  say('building the app (npm run build)');
  const result = spawnSync('npm', ['run', 'build'], { encoding: 'utf8' });
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    throw new Error(`npm run build failed (exit ${result.status})`);
  }
}

async function chromiumEntries(): Promise<{ entries: BenchEntry[]; version: string | null }> {
  const backends = CHROMIUM_BACKENDS.filter((b) => wanted('chromium', b));
  if (backends.length === 0) return { entries: [], version: null };
  if (!existsSync('dist/src/bench/page/index.html')) {
    throw new Error('dist/ has no bench page: run without --skip-build');
  }
  const server = await preview({
    preview: { port: 0, strictPort: false, host: '127.0.0.1' },
    logLevel: 'warn',
  });
  const appUrl = server.resolvedUrls?.local[0];
  if (!appUrl) throw new Error('vite preview did not report a URL');
  const browser = await launchChromium();
  const entries: BenchEntry[] = [];
  let version: string | null = null;
  try {
    const probe = await browser.context.newPage();
    version =
      (await probe.evaluate(() => navigator.userAgent)).match(/Chrome\/([\d.]+)/)?.[1] ?? null;
    await probe.close();
    for (const backend of backends) {
      say(`chromium ${backend}: micro-benchmarks`);
      const outcome = await benchInChromium(browser.context, appUrl, backend, {
        quick,
        log: (text) => say(`chromium ${text}`),
      });
      if (outcome.status !== 'ok') {
        say(`chromium ${backend}: ${outcome.status} (${outcome.reason.split('\n')[0]})`);
        entries.push({ host: 'chromium', backend, status: outcome.status, reason: outcome.reason });
        continue;
      }
      // The app settles its own threads: its page is watched once, on plain wasm.
      let page: BenchEntry['page'];
      if (backend !== 'wasm-threads') {
        say(`chromium ${backend}: the app's main thread during the default experiment`);
        const seconds = outcome.result.sizes.pageSeconds;
        page = await measureAppPage(browser.context, appUrl, backend, seconds).catch(
          (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
        );
      }
      entries.push({
        host: 'chromium',
        backend,
        status: 'ok',
        gpuAdapter: outcome.gpuAdapter,
        bench: outcome.result,
        ...(page ? { page } : {}),
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { entries, version };
}

async function nodeEntries(mnist: Uint8Array): Promise<BenchEntry[]> {
  const entries: BenchEntry[] = [];
  for (const backend of NODE_BACKENDS.filter((b) => wanted('node', b))) {
    say(`node ${backend}: micro-benchmarks`);
    try {
      await startNodeBackend(backend);
      const bench = await runBenchmarks({
        host: 'node',
        sizes: sizesFor(backend, quick),
        mnist,
        log: (text) => say(`node ${text}`),
      });
      entries.push({ host: 'node', backend, status: 'ok', bench });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      say(`node ${backend}: error (${reason})`);
      entries.push({ host: 'node', backend, status: 'error', reason });
    }
  }
  return entries;
}

/** One entry from its runs: the medians when every run succeeded, else the first failure. */
function combineRuns(entries: readonly BenchEntry[]): BenchEntry {
  const failed = entries.find((e) => e.status !== 'ok' || !e.bench);
  if (failed || entries.length === 1) return failed ?? entries[0]!;
  const benches = entries.map((e) => e.bench!);
  const pages = entries.map((e) => e.page);
  const pagesOk = pages.every((p) => p !== undefined && !('error' in p));
  return {
    ...entries[0]!,
    bench: medianOfRuns(benches),
    ...(pagesOk ? { page: medianOfRuns(pages) } : {}),
    runs: benches,
  };
}

async function main(): Promise<void> {
  // Read before the run, so that a wrong path fails in a second rather than after the bench.
  const baseline = args.baseline
    ? (JSON.parse(readFileSync(args.baseline, 'utf8')) as BenchReport)
    : null;
  if (!args['skip-build']) build();
  if (!existsSync(MNIST_PATH)) throw new Error(`${MNIST_PATH} is missing: run npm run data`);
  const mnist = new Uint8Array(readFileSync(MNIST_PATH));
  const rounds: BenchEntry[][] = [];
  let chromiumVersion: string | null = null;
  for (let round = 1; round <= runs; round++) {
    if (runs > 1) say(`run ${round} of ${runs}`);
    const chromium = await chromiumEntries();
    chromiumVersion = chromium.version ?? chromiumVersion;
    rounds.push([...chromium.entries, ...(await nodeEntries(mnist))]);
  }
  const entries = rounds[0]!.map((_, i) => combineRuns(rounds.map((round) => round[i]!)));
  const cpu = cpus();
  const report: BenchReport = {
    version: 1,
    date: new Date().toISOString(),
    quick,
    machine: {
      cpus: cpu.length,
      cpuModel: cpu[0]?.model ?? 'unknown',
      platform: `${platform()} ${process.arch}`,
      node: process.version,
      chromium: chromiumVersion,
    },
    runs,
    entries,
    totalSeconds: (performance.now() - started) / 1000,
  };
  writeFileSync(args.out, `${JSON.stringify(report, null, 2)}\n`);
  console.info(
    `\n${markdownTable(report)}\n\n${report.machine.cpus} × ${report.machine.cpuModel}, ` +
      `Chromium ${report.machine.chromium ?? '–'}, Node ${report.machine.node}; ` +
      `${quick ? 'quick sizes; ' : ''}${runs > 1 ? `median of ${runs} interleaved runs; ` : ''}` +
      `${report.totalSeconds.toFixed(0)} s in all. Wrote ${args.out}.`,
  );
  if (baseline) {
    const rows = compareToBaseline(report, baseline);
    console.info(
      rows.length > 0
        ? `\n${baselineTable(report, baseline, rows)}`
        : `\nNo entry of ${args.baseline} was measured again at the same sizes.`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
