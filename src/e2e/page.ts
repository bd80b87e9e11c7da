/** Helpers the browser tests share: open the app, read the store, wait for training. */
import type { Page } from 'playwright-core';
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
    interface Handle {
      store: {
        getState(): {
          backend: { name: string; gpuAdapter: { isFallback: boolean } | null } | null;
          engine: string;
          numTensors: number;
          runs: {
            id: string;
            status: string;
            reason: string | null;
            steps: number;
            gradEvals: number;
            series: { length: number; columns: { trainLoss: Float64Array } };
          }[];
        };
      };
    }
    const s = (window as unknown as { flatland: Handle }).flatland.store.getState();
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

/** Opens `url` and waits until the engine reports its backend. */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('[data-testid="backend-badge"][data-backend]:not([data-backend=""])', {
    timeout: 60_000,
  });
}

/** Waits until the first run has taken `steps` optimizer steps. */
export async function waitForSteps(page: Page, steps: number, timeout = 90_000): Promise<void> {
  await page.waitForFunction(
    (n) =>
      (
        window as unknown as {
          flatland: { store: { getState(): { runs: { steps: number }[] } } };
        }
      ).flatland.store.getState().runs[0]!.steps >= n,
    steps,
    { timeout },
  );
}

/** The worker's flatland/1 document, as its JSON (typed arrays as arrays, NaN as null). */
export async function exportDoc(page: Page): Promise<ExportDocument> {
  const text = await page.evaluate(async () => {
    interface Handle {
      client: { requestExport(): Promise<unknown> };
    }
    const doc = await (window as unknown as { flatland: Handle }).flatland.client.requestExport();
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
