/**
 * The editor and the link agree, end to end: values set in the experiment editor — among them the
 * five the editor used to accept and the link changed (issue 17) — are either refused in the
 * editor, with the reason, or come back from the copied link unchanged and without a correction.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useChromium } from './chromium';
import { openApp } from './page';

const appUrl = inject('appUrl');
const chromium = useChromium();

/** Types `value` into the field and commits it (Enter), as a user does. */
async function commit(page: Page, testId: string, value: string): Promise<void> {
  const input = page.getByTestId(testId);
  await input.fill(value);
  await input.press('Enter');
}

/** Commits `value` and waits until the link carries `key=value`. */
async function set(page: Page, testId: string, value: string, key: string): Promise<void> {
  await commit(page, testId, value);
  await page.waitForFunction(
    (pair) => window.location.hash.split('&').includes(pair),
    `${key}=${encodeURIComponent(value).replace(/%2C/g, ',')}`,
  );
}

function spec(page: Page): Promise<string> {
  return page.evaluate(() => JSON.stringify(window.flatland.store.getState().spec));
}

describe('the experiment editor and its link', () => {
  it('keeps every value the editor accepts, and refuses the rest in the editor', async () => {
    const { page, errors } = await chromium.newPage();
    await chromium.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(appUrl).origin,
    });
    await openApp(page, `${appUrl}#an.every=0&backend=wasm`);

    // Out of the schema's range: the field keeps its value (and says its range).
    const refusedByRange: [string, string, string][] = [
      ['dataset-train', '60000', '400'],
      ['dataset-test', '0', '400'],
      ['dataset-classes', '10', '2'],
      ['gamma0-esgd', '0', '0.03'],
    ];
    for (const [testId, value, kept] of refusedByRange) {
      await commit(page, testId, value);
      expect(await page.getByTestId(testId).inputValue(), testId).toBe(kept);
    }
    expect(await page.getByTestId('dataset-train').getAttribute('max')).toBe('10000');
    expect(await page.getByTestId('dataset-classes').getAttribute('max')).toBe('8');

    // In range but unstable (η'γ0 = 5,000 ≥ 1): refused, and the notice says why.
    await commit(page, 'gamma0-esgd', '10000');
    await expect
      .poll(() => page.getByTestId('notice').textContent())
      .toContain("η'γ must stay < 1");
    expect(await page.getByTestId('gamma0-esgd').inputValue()).toBe('0.03');

    // What the editor accepts: the bounds of the five, and a sample of other fields.
    const accepted: [string, string, string][] = [
      ['dataset-train', '10000', 'data.train'],
      ['dataset-test', '10', 'data.test'],
      ['dataset-classes', '8', 'data.classes'],
      ['dataset-turns', '2.5', 'data.turns'],
      ['dataset-labelNoise', '0.15', 'data.flip'],
      ['model-hidden', '8,8', 'model.hidden'],
      ['lr-sgd', '0.037', 'sgd.lr'],
      ['seedOffset-sgd', '3', 'sgd.seed'],
      ['label-esgd', 'Entropy SGD, L=4', 'esgd.label'],
      ['innerLr-esgd', '0.00005', 'esgd.ilr'],
      ['hyperplane-esgd', '20', 'esgd.plane'],
      ['seed', '42', 'seed'],
      ['tick-grad-evals', '7', 'tick'],
      ['budget', '1200', 'budget'],
      ['analysis-every', '30', 'an.every'],
      ['slice-resolution', '201', 'an.res'],
    ];
    for (const [testId, value, key] of accepted) await set(page, testId, value, key);
    // γ0 = 10,000 once η'γ0 < 1 and γmax ≥ γ0 (γmax is under "More settings").
    await page.getByTestId('run-esgd').locator('summary').click();
    await set(page, 'gammaMax-esgd', '10000', 'esgd.gmax');
    await set(page, 'gamma0-esgd', '10000', 'esgd.g0');
    await set(page, 'gamma0-esgd', '1e-8', 'esgd.g0');

    await page.getByTestId('copy-link').click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(new URL(link).hash).toBe(await page.evaluate(() => window.location.hash));

    const { page: again, errors: againErrors } = await chromium.newPage();
    await openApp(again, link);
    expect(await spec(again)).toBe(await spec(page));
    for (const [testId] of accepted) {
      expect(await again.getByTestId(testId).inputValue(), testId).toBe(
        await page.getByTestId(testId).inputValue(),
      );
    }
    expect(await again.getByTestId('gamma0-esgd').inputValue()).toBe('1e-8');
    expect(await again.getByTestId('notice').textContent()).not.toMatch(/link had problems/);
    expect(errors).toEqual([]);
    expect(againErrors).toEqual([]);
    await again.close();
    await page.close();
  });
});
