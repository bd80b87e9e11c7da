/**
 * Issue 9's side experiments in the built app (wasm backend): the ±1-network lab runs each
 * solver and draws its local-entropy curves, and cancels; the simple-model toy shows C outliers
 * and a confined gradient for C = 3 and C = 5; the flatness scatter correlates flatness with
 * test error across the runs of a small multi-run experiment.
 */
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { useChromium } from './chromium';
import { openApp } from './page';

const appUrl = inject('appUrl');
const chromium = useChromium();

/** Sets a number field (it commits on Enter). */
async function setNumber(page: Page, testId: string, value: number): Promise<void> {
  const input = page.getByTestId(testId);
  await input.fill(String(value));
  await input.press('Enter');
}

describe('more experiments (issue 9)', () => {
  it('keeps the main page as it was: the side experiments stay closed until asked', async () => {
    const { page, errors } = await chromium.newPage();
    await openApp(page, `${appUrl}#an.spectrum=off&an.slice=off&an.flat=0`);
    await expect(page.getByTestId('more-experiments').isVisible()).resolves.toBe(true);
    for (const id of ['binary-lab', 'simple-model', 'flatness-scatter'])
      expect(await page.getByTestId(id).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('±1 networks: every solver reports, draws its curves, and a run can be cancelled', async () => {
    const { page, errors } = await chromium.newPage();
    await openApp(page, `${appUrl}#an.spectrum=off&an.slice=off&an.flat=0`);
    await page.getByTestId('tab-binary').click();
    const lab = page.getByTestId('binary-lab');
    await setNumber(page, 'binary-inputs', 101);
    await setNumber(page, 'binary-sweeps', 200);
    await page.getByTestId('binary-run').click();
    await page.waitForSelector('[data-testid="binary-lab"][data-state="done"]', {
      timeout: 60_000,
    });
    const solvers = ['focusingBP', 'clippedPerceptron', 'annealing'];
    for (const solver of solvers) {
      const row = lab.locator(`[data-testid="binary-results"] tr[data-solver="${solver}"]`);
      expect(await row.count()).toBe(1);
      const path = lab.locator(`[data-testid="binary-fraction"] path[data-run="${solver}"]`);
      expect(Number(await path.getAttribute('data-points'))).toBe(5);
    }
    // Focusing BP finds a solution at α = 0.4 and it sits in a dense cluster: at the smallest
    // distance most flipped configurations still solve (isolated solutions drop to ~0).
    expect(await lab.locator('tr[data-solver="focusingBP"]').getAttribute('data-solved')).toBe(
      'true',
    );
    const entropyLines = lab.locator('[data-testid="binary-entropy"] path[data-run]');
    expect(await entropyLines.count()).toBe(4); // three solvers and the shell's bound
    expect(
      Number(
        await lab
          .locator('[data-testid="binary-entropy"] path[data-run="focusingBP"]')
          .getAttribute('data-points'),
      ),
    ).toBeGreaterThan(0);
    expect(await lab.textContent()).toContain('Flatland’s own variant');

    // A long run, cancelled: the panel says so and keeps the previous curves.
    await setNumber(page, 'binary-inputs', 801);
    await setNumber(page, 'binary-sweeps', 5000);
    await page.getByTestId('binary-run').click();
    await page.getByTestId('binary-progress-cancel').click();
    await page.waitForSelector('[data-testid="binary-lab"][data-state="cancelled"]', {
      timeout: 30_000,
    });
    expect(await lab.locator('[data-testid="binary-results"] tr[data-solver]').count()).toBe(3);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('simple model: C outliers and f_C > 0.9 for C = 3 and C = 5, with the λmax sweep', async () => {
    const { page, errors } = await chromium.newPage();
    await openApp(page, `${appUrl}#an.spectrum=off&an.slice=off&an.flat=0`);
    await page.getByTestId('tab-simpleModel').click();
    const toy = page.getByTestId('simple-model');
    for (const classes of [3, 5]) {
      await page.getByTestId('simple-classes').fill(String(classes));
      await page.waitForSelector(
        `[data-testid="simple-model"][data-state="done"][data-classes="${classes}"]`,
        { timeout: 60_000 },
      );
      expect(Number(await toy.getAttribute('data-outliers'))).toBe(classes);
      expect(Number(await toy.getAttribute('data-confinement'))).toBeGreaterThan(0.9);
      expect(await toy.getByTestId('simple-outliers').textContent()).toBe(String(classes));
      const marks = toy.locator('[data-testid="simple-spectrum"] svg');
      await expect.poll(() => marks.getAttribute('data-outlier-marks')).toBe(String(classes));
    }
    // Both C values were seen at this strength and scale: two points on the outliers-vs-C chart.
    const seen = toy.locator('[data-testid="simple-outliers-vs-c"] path[data-run="outliers"]');
    await expect.poll(() => seen.getAttribute('data-points')).toBe('2');
    const sweep = toy.locator('[data-testid="simple-sweep"] path[data-run="sweep"]');
    expect(Number(await sweep.getAttribute('data-points'))).toBeGreaterThan(10);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('flatness scatter: nine runs, δE against test error, with ρ and τ_b', async () => {
    const { page, errors } = await chromium.newPage();
    // Three optimizers × three seeds on the spiral; analyses only on request, flatness cheap.
    await openApp(
      page,
      `${appUrl}#preset=seeds&an.every=0&an.slice=off&an.sigmas=0.1,0.3&an.radii=0.1&an.draws=4`,
    );
    await page.getByTestId('tab-scatter').click();
    const scatter = page.getByTestId('flatness-scatter');
    await page.evaluate(() => {
      window.flatland.client.step(20);
    });
    // 20 lockstep ticks of 5 gradient evaluations each.
    await page.waitForFunction(
      () => {
        const runs = window.flatland.store.getState().runs;
        return runs.every((r) => r.gradEvals >= 100);
      },
      undefined,
      { timeout: 60_000, polling: 250 },
    );
    await page.getByTestId('analyse').click();
    // Wait for the analysis after training (the one at step 0 sees nine copies of the same weights).
    await page.waitForFunction(
      () => {
        const { flatness } = window.flatland.store.getState().analysis;
        const results = Object.values(flatness);
        return results.length === 9 && results.every((f) => f.step > 0);
      },
      undefined,
      { timeout: 60_000, polling: 250 },
    );
    await page.waitForSelector('[data-testid="flatness-scatter"][data-n="9"]', { timeout: 10_000 });
    expect(await scatter.getAttribute('data-spearman')).not.toBe('');
    const rho = Number(await scatter.getAttribute('data-spearman'));
    const tau = Number(await scatter.getAttribute('data-kendall'));
    expect(rho).toBeGreaterThanOrEqual(-1);
    expect(rho).toBeLessThanOrEqual(1);
    expect(Math.abs(tau)).toBeLessThanOrEqual(1);
    expect(await scatter.getByTestId('scatter-stats').textContent()).toMatch(
      /Spearman ρ = -?\d.*Kendall τ_b = -?\d.*n = 9/,
    );
    await expect
      .poll(() => scatter.locator('[data-testid="scatter-chart"] circle').count())
      .toBe(9);
    // λmax: the spectrum is off in this preset, so every run is listed as missing it.
    await page.getByTestId('scatter-measure').selectOption('lambdaMax');
    expect(await scatter.getAttribute('data-n')).toBe('0');
    expect(await scatter.getByTestId('scatter-missing').locator('li').count()).toBe(9);

    // A sweep's exports: the page's own JSON export, opened twice (as two seeds' files would be),
    // with a file that is no export: 18 points, the bad file named, and back to the live runs.
    await page.getByTestId('scatter-measure').selectOption('energyError');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      page.getByTestId('export-json').click(),
    ]);
    const json = readFileSync(await download.path());
    await scatter.getByTestId('scatter-files').setInputFiles([
      { name: 'seed1.json', mimeType: 'application/json', buffer: json },
      { name: 'seed2.json', mimeType: 'application/json', buffer: json },
      { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"a": 1}') },
    ]);
    await page.waitForSelector('[data-testid="flatness-scatter"][data-n="18"]', {
      timeout: 10_000,
    });
    expect(Number(await scatter.getAttribute('data-spearman'))).toBeCloseTo(rho, 10);
    expect(await scatter.getByTestId('scatter-file-problems').textContent()).toMatch(
      /Skipped notes.json: not a flatland\/1 export/,
    );
    await scatter.getByTestId('scatter-live').click();
    expect(await scatter.getAttribute('data-n')).toBe('9');
    expect(errors).toEqual([]);
    await page.close();
  });
});
