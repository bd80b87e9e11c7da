/**
 * The explorer in a real browser, on a running experiment: every panel draws real content, both
 * runs' trajectories lie on the slice, the plane chooser redraws it, a long analysis shows its
 * progress and can be cancelled, and the main thread stays free (no long task) while training.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useChromium } from './chromium';
import { openApp } from './page';

const appUrl = inject('appUrl');
const chromium = useChromium();

const SLICE = '[data-testid="loss-slice-chart"] .slice-chart';

/** Pixels of the main slice's heatmap canvas that are drawn (alpha > 0), and its size. */
async function heatmapPixels(page: Page): Promise<{ drawn: number; total: number }> {
  return page.evaluate((selector) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`${selector} canvas`);
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || canvas.width === 0) return { drawn: 0, total: 0 };
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let drawn = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) drawn++;
    return { drawn, total: canvas.width * canvas.height };
  }, SLICE);
}

/** Opens the default experiment on wasm, plays, and waits for the first slice to be drawn. */
async function playUntilAnalysed(page: Page): Promise<void> {
  await openApp(page, `${appUrl}#backend=wasm`);
  await page.getByTestId('play').click();
  await page.waitForSelector(`${SLICE}[data-drawn="true"]`, { timeout: 170_000 });
}

describe('the explorer', () => {
  it('draws every panel from a running experiment, both runs on the slice', async () => {
    const { page, errors } = await chromium.newPage();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await playUntilAnalysed(page);

    const pixels = await heatmapPixels(page);
    expect(pixels.total).toBeGreaterThan(100);
    expect(pixels.drawn).toBeGreaterThan(0.9 * pixels.total);
    const slice = page.locator(SLICE);
    expect(Number(await slice.getAttribute('data-contours'))).toBeGreaterThan(0);
    expect(await page.locator(`${SLICE} .contours path`).count()).toBeGreaterThan(0);

    // The default experiment races two optimizers: both trajectories are drawn on the slice (the
    // first slice may come at the first tick, with one point per run: wait for a later one).
    await page.waitForFunction(
      (selector) => {
        const gs = Array.from(document.querySelectorAll(`${selector} g.trajectory`));
        return gs.length === 2 && gs.every((g) => Number(g.getAttribute('data-points')) > 1);
      },
      SLICE,
      { timeout: 170_000 },
    );
    const runs = await page
      .locator(`${SLICE} g.trajectory`)
      .evaluateAll((gs) =>
        gs.map((g) => [g.getAttribute('data-run'), Number(g.getAttribute('data-points'))]),
      );
    expect(runs.map(([id]) => id).sort()).toEqual(['esgd', 'sgd']);
    for (const [, points] of runs) expect(points).toBeGreaterThan(1);
    expect(await page.locator(`${SLICE} circle.current`).count()).toBe(2);

    // The spectrum: a curve per run, outliers counted.
    await page.waitForSelector(
      '[data-testid="spectrum"] svg[data-mode="histogram"], [data-testid="spectrum"] svg[data-mode="density"]',
      {
        timeout: 120_000,
      },
    );
    const spectrumCurves = await page
      .locator('[data-testid="spectrum"] .curves path[data-run]')
      .evaluateAll((ps) => ps.map((p) => (p.getAttribute('d') ?? '').length));
    expect(spectrumCurves.length).toBeGreaterThan(0);
    for (const length of spectrumCurves) expect(length).toBeGreaterThan(10);
    const outliers = await page
      .locator('[data-testid="spectrum"] svg')
      .getAttribute('data-outliers');
    expect(Number(outliers)).toBeGreaterThanOrEqual(0);
    // Its table fits the panel at 1920 px, no column cut off behind a scroll bar, even with the
    // widest cells it shows (written in for one synchronous layout; React redraws them after).
    const table = await page
      .locator('table.stats')
      .first()
      .evaluate((t) => {
        const widest = ['8.87', '-0.183', '33.9 ± 2.41', '0.152', 'none (no clear gap)'];
        for (const row of Array.from(t.querySelectorAll('tbody tr'))) {
          const cells = Array.from(row.querySelectorAll('td'));
          cells.forEach((c, i) => (c.textContent = widest[i] ?? '0.925 (0.00565)'));
          cells.at(-1)!.textContent = '0.925 (0.00565)';
        }
        return { table: t.parentElement!.scrollWidth, box: t.parentElement!.clientWidth };
      });
    expect(table.table).toBeLessThanOrEqual(table.box);

    // Flatness: δE(σ) per run with real points.
    await page.waitForSelector('[data-testid="flatness-energy"] path[data-points]', {
      timeout: 120_000,
    });
    const energyPoints = await page
      .locator('[data-testid="flatness-energy"] .lines path[data-points]')
      .evaluateAll((ps) => ps.map((p) => Number(p.getAttribute('data-points'))));
    expect(Math.max(...energyPoints)).toBeGreaterThan(1);

    // The straight line between the two runs: a chart drawn once its data came (its container
    // mounts after the panel did).
    await page.waitForSelector('[data-testid="interpolation"] .lines path[data-points]', {
      timeout: 30_000,
    });
    const linePoints = await page
      .locator('[data-testid="interpolation"] .lines path[data-points]')
      .evaluateAll((ps) => ps.map((p) => Number(p.getAttribute('data-points'))));
    expect(linePoints).toHaveLength(2);
    for (const points of linePoints) expect(points).toBeGreaterThan(10);

    // Training curves.
    const curvePoints = await page
      .locator('[data-testid="curves"] path[data-points]')
      .first()
      .getAttribute('data-points');
    expect(Number(curvePoints)).toBeGreaterThan(2);

    mkdirSync('artifacts', { recursive: true });
    await page.screenshot({ path: 'artifacts/explorer-1920x1080.png' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('redraws the slice on another plane', async () => {
    const { page } = await chromium.newPage();
    await playUntilAnalysed(page);
    await page.getByTestId('slice-plane').selectOption('random');
    await page.waitForSelector(`${SLICE}[data-plane="random"]`, { timeout: 150_000 });
    expect((await heatmapPixels(page)).drawn).toBeGreaterThan(0);
    expect(Number(await page.locator(SLICE).getAttribute('data-contours'))).toBeGreaterThan(0);
    await page.close();
  });

  it('shows the progress of a long analysis and cancels it', async () => {
    const { page } = await chromium.newPage();
    await openApp(page, `${appUrl}#backend=wasm`);
    await page.getByTestId('step').click();
    // A fine grid makes the slice long enough to watch.
    const resolution = page.getByTestId('slice-resolution');
    await resolution.fill('151');
    await resolution.press('Enter');
    // New settings rerun the analyses at once; otherwise ask for them.
    const analyse = page.getByTestId('analyse');
    if (await analyse.isEnabled()) await analyse.click();
    const progress = page.getByTestId('analysis-progress');
    await progress.waitFor({ state: 'visible', timeout: 60_000 });
    const label = await progress.getAttribute('aria-label');
    expect(label).toMatch(/\d+%/);
    await page.getByTestId('cancel-analysis').click();
    await page.waitForSelector('[data-testid="analysis-status"][data-busy="false"]', {
      timeout: 30_000,
    });
    // It stays cancelled: the engine reports no analysis under way on its next snapshots.
    await page.waitForTimeout(1500);
    expect(await page.getByTestId('analysis-status').getAttribute('data-busy')).toBe('false');
    await page.close();
  });

  // The 50 ms target is a speed target: `npm run bench` measures it ("page: longest main-thread
  // task"). Here, without timing assertions that a loaded machine can flip, the test catches the
  // gross regression — work that freezes the page (training or analyses on the main thread).
  it('keeps the main thread free: no frozen frame (task over 250 ms) during a 10-second run', async () => {
    const { page } = await chromium.newPage();
    await page.addInitScript(() => {
      const tasks: { start: number; duration: number }[] = [];
      (window as unknown as { longTasks: typeof tasks }).longTasks = tasks;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    await openApp(page, `${appUrl}#backend=wasm`);
    // Let the worker's start-up and its first analysis (tick 0) settle, then measure 10 s of Play.
    await page.waitForFunction(() => {
      const s = window.flatland.store.getState();
      return s.engine === 'paused' && s.analysisProgress === null && s.analysis.ticks.slice === 0;
    });
    const start = await page.evaluate(() => performance.now());
    await page.getByTestId('play').click();
    await page.waitForTimeout(10_000);
    const tasks = await page.evaluate(
      (t0) =>
        (
          window as unknown as { longTasks: { start: number; duration: number }[] }
        ).longTasks.filter((t) => t.start >= t0),
      start,
    );
    const steps = Number(await page.getByTestId('step-count').getAttribute('data-tick'));
    console.info(
      `long tasks during 10 s of training (${steps} ticks): ${tasks.length}` +
        (tasks.length
          ? `, longest ${Math.max(...tasks.map((t) => t.duration)).toFixed(0)} ms`
          : ''),
    );
    expect(steps).toBeGreaterThan(0);
    expect(tasks.filter((t) => t.duration > 250).map((t) => Math.round(t.duration))).toEqual([]);
    await page.close();
  });
});
