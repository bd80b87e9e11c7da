/** Helpers the browser tests share: open the app, read the store, wait for training. */
import type { Page } from 'playwright-core';
import type {} from '../pageHandle';
import type { ExportDocument } from '../protocol/exportFormat';

export interface RunState {
  readonly id: string;
  readonly status: string;
  readonly reason: string | null;
  readonly steps: number;
  readonly gradEvals: number;
  readonly trainLoss: number[];
}

export interface PageState {
  readonly backend: string | null;
  readonly softwareAdapter: boolean | null;
  readonly engine: string;
  readonly numTensors: number;
  readonly runs: RunState[];
}

/** The page's store, read through the `window.flatland` handle the app exposes. */
export async function readState(page: Page): Promise<PageState> {
  return page.evaluate(() => {
    const s = window.flatland.store.getState();
    return {
      backend: s.backend?.name ?? null,
      softwareAdapter: s.backend?.gpuAdapter ? s.backend.gpuAdapter.isFallback : null,
      engine: s.engine,
      numTensors: s.numTensors,
      runs: s.runs.map((r) => ({
        id: r.id,
        status: r.status,
        reason: r.reason,
        steps: r.steps,
        gradEvals: r.gradEvals,
        trainLoss: Array.from(r.series.columns.trainLoss.subarray(0, r.series.length)),
      })),
    };
  });
}

/**
 * Makes the engine worker report `cores` logical cores (Chromium's core-count emulation does not
 * reach workers): its script is served with `navigator.hardwareConcurrency` redefined first.
 * Call before opening the app.
 */
export async function emulateWorkerCores(page: Page, cores: number): Promise<void> {
  await page.route('**/assets/engine.worker-*.js', async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    const override = `Object.defineProperty(WorkerNavigator.prototype, 'hardwareConcurrency', { get: () => ${cores} });\n`;
    await route.fulfill({ response, body: override + body });
  });
}

/** Opens `url` and waits until the engine reports its backend. */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('[data-testid="backend-badge"][data-backend]:not([data-backend=""])', {
    timeout: 60_000,
  });
}

/** Waits until the first run has taken `steps` optimizer steps. */
export async function waitForSteps(page: Page, steps: number, timeout = 90_000): Promise<void> {
  await page.waitForFunction((n) => window.flatland.store.getState().runs[0]!.steps >= n, steps, {
    timeout,
  });
}

/** The worker's flatland/1 document, as its JSON (typed arrays as arrays, NaN as null). */
export async function exportDoc(page: Page): Promise<ExportDocument> {
  const text = await page.evaluate(async () => {
    const doc = await window.flatland.client.requestExport();
    return JSON.stringify(doc, (_k, v: unknown) =>
      ArrayBuffer.isView(v)
        ? Array.from(v as unknown as ArrayLike<number>, (x) => (Number.isFinite(x) ? x : null))
        : typeof v === 'number' && !Number.isFinite(v)
          ? null
          : v,
    );
  });
  return JSON.parse(text) as ExportDocument;
}

/**
 * Pauses a playing page and reads the store once the worker's paused snapshot has landed (it
 * carries the settled step and tensor counts); a page not playing is read as it is.
 */
export async function pauseSettled(page: Page): Promise<PageState> {
  if ((await readState(page)).engine !== 'playing') return readState(page);
  const settled = page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const stop = window.flatland.store.subscribe((s, prev) => {
          if (s.engine === 'paused' && s.runs !== prev.runs) {
            stop();
            resolve();
          }
        });
      }),
  );
  await page.getByTestId('pause').click();
  await settled;
  return readState(page);
}
