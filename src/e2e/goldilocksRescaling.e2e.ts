/**
 * The Goldilocks sweep and the rescaling comparison run in the worker from the built app (wasm):
 * the sweep draws its measures over the radii, and a rescaled ReLU network is the same function
 * with a different λmax but the same filter-normalized slice.
 */
import { describe, expect, inject, it } from 'vitest';
import { useChromium } from './chromium';
import { openApp, waitForSteps } from './page';

const appUrl = inject('appUrl');
const QUIET = 'backend=wasm&an.spectrum=off&an.slice=off&an.flat=0';
const chromium = useChromium();

describe('Goldilocks and rescaling tabs', () => {
  it('runs the Goldilocks sweep over the initialization radii', async () => {
    const { page, errors } = await chromium.newPage();
    await openApp(page, `${appUrl}#${QUIET}`);
    await page.getByTestId('tab-goldilocks').click();
    await page.getByTestId('goldilocks-run').click();
    const peak = page.getByTestId('goldilocks-peak');
    await peak.waitFor({ timeout: 120_000 });
    expect(await peak.textContent()).toMatch(/peaks at r = [\d.]+/);
    const points = await page
      .locator('[data-testid="goldilocks"] path[data-points]')
      .evaluateAll((paths) => paths.map((p) => Number(p.getAttribute('data-points'))));
    expect(points.length).toBeGreaterThanOrEqual(4);
    expect(points.every((n) => n === 7)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('rescales the trained network: same function and slice, different λmax', async () => {
    const { page } = await chromium.newPage();
    await openApp(page, `${appUrl}#${QUIET}`);
    await page.getByTestId('play').click();
    await waitForSteps(page, 100);
    await page.getByTestId('pause').click();
    await page.getByTestId('tab-rescaling').click();
    await page.getByTestId('rescaling-run').click();
    const table = page.getByTestId('rescaling-table');
    await table.waitFor({ timeout: 120_000 });
    expect(Number(await table.getAttribute('data-function-gap'))).toBeLessThan(1e-4);
    expect(Number(await table.getAttribute('data-slice-gap'))).toBeLessThan(1e-3);
    const lambda = await table.locator('tbody tr').first().locator('td').allTextContents();
    const [original, rescaled] = lambda.map(Number);
    expect(Math.abs(original! - rescaled!)).toBeGreaterThan(0.1 * Math.abs(original!));
    await page.close();
  });
});
