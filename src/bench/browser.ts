/**
 * The Chromium side of `npm run bench` (Node code driving the browser through playwright-core):
 * the micro-benchmarks on the bench page, one backend at a time, and the main thread's health
 * while the app runs its default experiment.
 */
import type { BrowserContext, Page } from 'playwright-core';
import type { BackendBench } from './measure';
import type { BenchOutcome } from './pageProtocol';

/** A backend of the bench page; `wasm-threads` is wasm forced to `WASM_BENCH_THREADS` threads. */
export type ChromiumBackend = 'webgpu' | 'webgl' | 'wasm' | 'wasm-threads' | 'cpu';
export const WASM_BENCH_THREADS = 2;

/** The outcome of the bench page on one backend. */
export type ChromiumBench =
  | {
      readonly status: 'ok';
      readonly result: BackendBench;
      readonly gpuAdapter: { readonly description: string; readonly isFallback: boolean } | null;
    }
  | { readonly status: 'unavailable' | 'error'; readonly reason: string };

/**
 * Opens the bench page (dist/src/bench/page/index.html under `appUrl`) on `backend` and waits for
 * its worker's outcome. `log` receives the worker's progress lines.
 */
export async function benchInChromium(
  context: BrowserContext,
  appUrl: string,
  backend: ChromiumBackend,
  options: { quick: boolean; timeoutMs?: number; log?: (text: string) => void },
): Promise<ChromiumBench> {
  const page = await context.newPage();
  try {
    page.on('console', (message) => {
      const text = message.text();
      if (text.startsWith('[bench] ')) options.log?.(text.slice(8));
    });
    const query =
      backend === 'wasm-threads'
        ? `backend=wasm&threads=${WASM_BENCH_THREADS}`
        : `backend=${backend}`;
    const url = new URL(
      `src/bench/page/index.html?${query}${options.quick ? '&quick=1' : ''}`,
      appUrl,
    );
    await page.goto(url.href);
    await page.waitForFunction(() => window.benchOutcome !== undefined, null, {
      timeout: options.timeoutMs ?? 600_000,
      polling: 250,
    });
    const outcome = await page.evaluate(() => window.benchOutcome as BenchOutcome);
    switch (outcome.type) {
      case 'done':
        return { status: 'ok', result: outcome.result, gpuAdapter: outcome.gpuAdapter };
      case 'unavailable':
        return { status: 'unavailable', reason: outcome.reason };
      case 'error':
        return { status: 'error', reason: outcome.text };
    }
  } catch (error) {
    return { status: 'error', reason: error instanceof Error ? error.message : String(error) };
  } finally {
    await page.close();
  }
}

/** The main thread while the default experiment trains. */
export interface PageBench {
  /** The backend the badge reports (may differ from the one asked for if it failed). */
  readonly backend: string;
  readonly seconds: number;
  /** Optimizer steps of the first run during the window. */
  readonly steps: number;
  readonly longTasks: number;
  /** Longest 'longtask' entry in the window, ms (0 when there was none: all tasks < 50 ms). */
  readonly longestTaskMs: number;
  /** requestAnimationFrame callbacks per second while training. */
  readonly fps: number;
  /** The same over 2 s with the experiment paused (the page and machine without training). */
  readonly idleFps: number;
  /** Snapshots received in the window. */
  readonly snapshots: number;
  /** Worker post → the next animation frame after the page received it, ms. */
  readonly snapshotLatencyMs: {
    readonly median: number;
    readonly p95: number;
    readonly max: number;
  };
  /** The worker's `tf.memory().numTensors` at the window's start and end. */
  readonly numTensors: { readonly start: number; readonly end: number };
}

interface Probe {
  longTasks: { start: number; duration: number }[];
  frames: number[];
  latencies: { at: number; ms: number }[];
}

/**
 * Runs before the app's scripts (as source text: a bundler's helpers must not leak into it):
 * records long tasks and animation frames, and for every snapshot the worker stamped (`sentAt`,
 * epoch ms) the delay to the first animation frame after the page received it. The listener is
 * registered in the Worker constructor, before the app's own onmessage, so it sees each message
 * first; the store update and React's render (a sync-lane microtask) land before that frame.
 */
const PROBE_SCRIPT = `(() => {
  const probe = { longTasks: [], frames: [], latencies: [] };
  window.benchProbe = probe;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const frame = (t) => { probe.frames.push(t); requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(url, options) {
      super(url, options);
      this.addEventListener('message', (event) => {
        const data = event.data;
        const sentAt = data && data.type === 'snapshot' ? data.sentAt : undefined;
        if (typeof sentAt !== 'number') return;
        requestAnimationFrame(() => {
          const at = performance.now();
          probe.latencies.push({ at, ms: performance.timeOrigin + at - sentAt });
        });
      });
    }
  };
})();`;

function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

async function readCounters(page: Page): Promise<{ steps: number; numTensors: number }> {
  return page.evaluate(() => {
    interface Handle {
      store: { getState(): { numTensors: number; runs: { steps: number }[] } };
    }
    const s = (window as unknown as { flatland: Handle }).flatland.store.getState();
    return { steps: s.runs[0]?.steps ?? 0, numTensors: s.numTensors };
  });
}

/**
 * Opens the app at `#backend=<backend>` (the default experiment: SGD vs Entropy-SGD on the
 * spiral), presses play and watches the main thread for `seconds`.
 */
export async function measureAppPage(
  context: BrowserContext,
  appUrl: string,
  backend: Exclude<ChromiumBackend, 'wasm-threads'>,
  seconds: number,
): Promise<PageBench> {
  const page = await context.newPage();
  try {
    await page.addInitScript({ content: PROBE_SCRIPT });
    await page.goto(`${appUrl}#backend=${backend}`);
    const badge = page.locator(
      '[data-testid="backend-badge"][data-backend]:not([data-backend=""])',
    );
    await badge.waitFor({ timeout: 60_000 });
    const chosen = (await badge.getAttribute('data-backend')) ?? '';
    // Let the first render and the worker's start-up settle, then count frames while paused.
    await page.waitForTimeout(1000);
    const idle0 = await page.evaluate(() => performance.now());
    await page.waitForTimeout(2000);
    const idle1 = await page.evaluate(() => performance.now());
    await page.getByTestId('play').click();
    await page.waitForTimeout(500);
    const start = await readCounters(page);
    const t0 = await page.evaluate(() => performance.now());
    await page.waitForTimeout(seconds * 1000);
    const t1 = await page.evaluate(() => performance.now());
    const end = await readCounters(page);
    const probe = await page.evaluate(
      () => (window as unknown as { benchProbe: Probe }).benchProbe,
    );
    const inWindow = <T extends { at?: number; start?: number }>(xs: T[]) =>
      xs.filter((x) => {
        const t = x.at ?? x.start ?? 0;
        return t >= t0 && t <= t1;
      });
    const tasks = inWindow(probe.longTasks);
    const latencies = inWindow(probe.latencies).map((l) => l.ms);
    const frames = probe.frames.filter((t) => t >= t0 && t <= t1).length;
    const idleFrames = probe.frames.filter((t) => t >= idle0 && t <= idle1).length;
    return {
      backend: chosen,
      seconds: (t1 - t0) / 1000,
      steps: end.steps - start.steps,
      longTasks: tasks.length,
      longestTaskMs: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
      fps: frames / ((t1 - t0) / 1000),
      idleFps: idleFrames / ((idle1 - idle0) / 1000),
      snapshots: latencies.length,
      snapshotLatencyMs: {
        median: quantile(latencies, 0.5),
        p95: quantile(latencies, 0.95),
        max: latencies.length ? Math.max(...latencies) : NaN,
      },
      numTensors: { start: start.numTensors, end: end.numTensors },
    };
  } finally {
    await page.close();
  }
}
