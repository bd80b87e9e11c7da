/**
 * The engine in the browser's worker: runs advance in lockstep by gradient evaluations, a
 * diverging run stops with a visible reason while the other goes on, a killed worker is replaced
 * and resumes from its checkpoint, and the tensor count stays flat over a long run.
 */
import { describe, expect, inject, it } from 'vitest';
import { useChromium } from './chromium';
import { openApp, pauseSettled, readState, waitForSteps } from './page';

const appUrl = inject('appUrl');
/** Analyses off: these tests watch training alone. */
const QUIET = 'backend=wasm&an.spectrum=off&an.slice=off&an.flat=0';
const chromium = useChromium();

describe('the engine in the worker', () => {
  it('advances two runs in lockstep by gradient evaluations', async () => {
    const { page, errors } = await chromium.newPage();
    await openApp(page, `${appUrl}#${QUIET}`);
    const ids = (await readState(page)).runs.map((r) => r.id);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    await page.getByTestId('play').click();
    await page.waitForFunction(
      () => window.flatland.store.getState().runs.every((r) => r.gradEvals >= 400),
      undefined,
      { timeout: 120_000 },
    );
    const state = await pauseSettled(page);
    const evals = state.runs.map((r) => r.gradEvals);
    // Each run is within one optimizer step (≤ 21 gradients for Entropy-SGD) of the others.
    expect(Math.max(...evals) - Math.min(...evals)).toBeLessThanOrEqual(21);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says there is no verdict when every run diverged before the budget', async () => {
    const { page, errors } = await chromium.newPage();
    await openApp(page, `${appUrl}#${QUIET}&sgd.lr=100&esgd.lr=100&esgd.ilr=50&esgd.g0=1e-8`);
    await page.getByTestId('play').click();
    const none = page.getByTestId('verdict-none');
    await none.waitFor({ timeout: 60_000 });
    expect(await none.textContent()).toContain('no verdict');
    expect(await page.getByTestId('verdict').count()).toBe(0);
    const state = await readState(page);
    for (const run of state.runs) expect(run.status).toBe('diverged');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('holds a fast-growing coupling at its stability cap, says so on the run card, and trains on', async () => {
    const { page, errors } = await chromium.newPage();
    // η' = 0.5 and γ growing 50% per outer step from 0.03: η'γ would pass 1 at step 9.
    await openApp(page, `${appUrl}#${QUIET}&esgd.g1=0.5&esgd.gmax=1e4`);
    const line = page.getByTestId('coupling-esgd');
    expect(await line.getAttribute('data-capped')).toBe('');
    await page.getByTestId('play').click();
    await waitForSteps(page, 60);
    await expect.poll(() => line.getAttribute('data-capped')).toBe('stability');
    expect(await line.textContent()).toMatch(/γ = 1.8: held at η'γ = 0.9 since step 11/);
    const state = await readState(page);
    expect(state.runs.find((r) => r.id === 'esgd')!.status).toBe('running');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('measures the local free entropy Φ(γ) of every run on request, in the flatness panel', async () => {
    const { page, errors } = await chromium.newPage();
    await openApp(page, `${appUrl}#backend=wasm&an.spectrum=off&an.slice=off`);
    await page.getByTestId('play').click();
    await waitForSteps(page, 40);
    await readState(page); // pauses
    const chart = page.getByTestId('flatness-free-entropy');
    expect(await chart.isVisible()).toBe(false);
    await page.getByTestId('free-entropy-run').click();
    await expect.poll(() => chart.getAttribute('data-runs'), { timeout: 60_000 }).toBe('2');
    expect(await chart.isVisible()).toBe(true);
    expect(await chart.locator('path').count()).toBeGreaterThan(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stops a diverging run with a visible reason while the other trains on', async () => {
    const { page } = await chromium.newPage();
    await openApp(page, `${appUrl}#${QUIET}&sgd.lr=100`);
    await page.getByTestId('play').click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="curves"]')?.textContent?.includes('stopped'),
      undefined,
      { timeout: 60_000 },
    );
    const during = await readState(page);
    const sgd = during.runs.find((r) => r.id === 'sgd')!;
    expect(sgd.status).toBe('diverged');
    expect(sgd.reason).toMatch(/learning rate/);
    const other = during.runs.find((r) => r.id !== 'sgd')!;
    await page.waitForFunction(
      ([id, evals]) =>
        (window.flatland.store.getState().runs.find((r) => r.id === id)?.gradEvals ?? 0) >
        evals + 100,
      [other.id, other.gradEvals] as const,
      { timeout: 60_000 },
    );
    const after = await readState(page);
    expect(after.runs.find((r) => r.id === 'sgd')!.steps).toBe(sgd.steps);
    expect(after.runs.find((r) => r.id === other.id)!.status).toBe('running');
    await page.close();
  });

  it('replaces a killed worker and resumes from its checkpoint', async () => {
    const { page } = await chromium.newPage();
    await openApp(page, `${appUrl}#${QUIET}`);
    await page.getByTestId('play').click();
    await waitForSteps(page, 150);
    // Once a checkpoint (every 2 s) has landed, kill the worker mid-run.
    await page.waitForFunction(() => (window.flatland.client.checkpointTick ?? 0) > 0, undefined, {
      timeout: 60_000,
    });
    const before = await readState(page);
    await page.evaluate(() => window.flatland.client.simulateCrash());
    await expect
      .poll(() => page.getByTestId('notice').textContent())
      .toMatch(/Restarted the engine/);
    const resumedAt = Number(
      (await page.getByTestId('notice').textContent())?.match(/tick (\d+)/)?.[1],
    );
    expect(resumedAt).toBeGreaterThan(0);
    // Training goes on past where it was killed (it was playing), from the checkpoint, not from 0.
    await waitForSteps(page, before.runs[0]!.steps + 50);
    const after = await readState(page);
    expect(after.backend).toBe('wasm');
    const losses = after.runs[0]!.trainLoss;
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(losses.length).toBeGreaterThan(before.runs[0]!.trainLoss.length / 2);
    await page.close();
  });

  it('keeps the worker tensor count flat over a long run', async () => {
    const { page } = await chromium.newPage();
    await openApp(page, `${appUrl}#${QUIET}`);
    await page.getByTestId('play').click();
    await waitForSteps(page, 50);
    const warm = await pauseSettled(page);
    await page.getByTestId('play').click();
    // A long run: 1,000 more steps (about 10 s here).
    await waitForSteps(page, warm.runs[0]!.steps + 1000, 120_000);
    const later = await pauseSettled(page);
    expect(later.runs[0]!.steps).toBeGreaterThan(warm.runs[0]!.steps + 100);
    expect(later.numTensors).toBe(warm.numTensors);
    await page.close();
  });
});
