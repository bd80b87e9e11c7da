/**
 * The studies as a viewer meets them, on wasm: a link opens the study (not the explorer), Run
 * computes it in the worker, and the page's verdict and numbers are those `npm run lab` computes
 * in Node for the same link — the ±1 and simple-model jobs are plain JavaScript, so their numbers
 * agree to the last bits of Math.exp; the Goldilocks sweep runs on tfjs wasm in both, so its
 * numbers agree to float32 noise. Settings edited in the form go in the
 * link; a lecture link tells the study's own story.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { runJob } from '../engine/jobs/runJob';
import { defaultExperimentSpec } from '../protocol/defaultExperiment';
import type { JobResult } from '../protocol/jobs';
import { decodePermalink } from '../protocol/permalink';
import { CATALOG, findStudy } from '../presets';
import { checkStudy } from '../protocol/studies/study';
import { useBackend } from '../testing/backends.node';
import { useChromium } from './chromium';
import { openApp } from './page';

const appUrl = inject('appUrl');
const chromium = useChromium();

beforeAll(async () => {
  // The page's backend, in Node: the same wasm kernels give the same float32 numbers.
  await useBackend('wasm');
});

/** `value` as the page's JSON has it: typed arrays as arrays, non-finite numbers as null. */
function asJson(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (_k, v: unknown) =>
      ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v,
    ),
  );
}

/** The page's finished study: its job, its result (typed arrays as arrays) and its check. */
async function pageStudy(page: Page): Promise<{ job: unknown; result: JobResult; ok: boolean }> {
  const text = await page.evaluate(() => {
    const run = window.flatland.store.getState().studyRun;
    return JSON.stringify(run, (_k, v: unknown) =>
      ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v,
    );
  });
  const run = JSON.parse(text) as {
    state: string;
    job: unknown;
    result: JobResult;
    check: { ok: boolean };
  };
  expect(run.state).toBe('done');
  return { job: run.job, result: run.result, ok: run.check.ok };
}

/** Every number of a JSON value, in key order (null, a non-finite number, as NaN). */
function numbersOf(value: unknown, out: number[] = []): number[] {
  if (typeof value === 'number') out.push(value);
  else if (value === null) out.push(Number.NaN);
  else if (Array.isArray(value)) for (const x of value) numbersOf(x, out);
  else if (typeof value === 'object')
    for (const k of Object.keys(value).sort())
      numbersOf((value as Record<string, unknown>)[k], out);
  return out;
}

describe('studies open from a link and give the lab’s numbers (wasm)', () => {
  for (const [hash, exact] of [
    ['preset=fbp&job.seed=3', true],
    ['preset=no-wfm&job.seed=2', true],
    ['preset=simple-model&job.C=4', true],
    ['preset=goldilocks-sweep&job.seed=2', false],
  ] as [string, boolean][]) {
    it(
      hash,
      async () => {
        const decoded = decodePermalink(`#${hash}`, defaultExperimentSpec(), CATALOG);
        expect(decoded.corrections).toEqual([]);
        const study = findStudy(decoded.study!.id)!;
        const { page, errors } = await chromium.newPage();
        await openApp(page, `${appUrl}#${hash}&backend=wasm`);
        // The study, not the explorer.
        await page.getByTestId('study').waitFor();
        expect(await page.getByTestId('play').count()).toBe(0);
        const started = Date.now();
        await page.getByTestId('study-run').click();
        const verdict = page.getByTestId('verdict');
        await verdict.waitFor({ timeout: 300_000 });
        const seconds = (Date.now() - started) / 1000;
        const shown = (await verdict.textContent()) ?? '';
        console.log(`[study] ${hash}: ${seconds.toFixed(1)} s — ${shown}`);
        const got = await pageStudy(page);
        expect(got.job).toEqual(JSON.parse(JSON.stringify(decoded.study!.job)));

        const lab = await runJob(decoded.study!.job, {});
        const check = checkStudy(study, decoded.study!.job, lab);
        expect(check.ok, check.detail).toBe(true);
        expect(await verdict.getAttribute('data-ok')).toBe('true');
        const mine = numbersOf(got.result);
        const theirs = numbersOf(asJson(lab));
        expect(mine.length).toBe(theirs.length);
        // Chromium's V8 and Node's may differ in the last bits of Math.exp and friends.
        const tolerance = exact ? 1e-9 : 2e-3;
        for (const [i, x] of mine.entries()) {
          const y = theirs[i]!;
          if (Number.isNaN(y)) expect(x, `number ${i}`).toBeNaN();
          else
            expect(Math.abs(x - y), `number ${i}: ${x} vs ${y}`).toBeLessThanOrEqual(
              tolerance * Math.max(1, Math.abs(y)),
            );
        }
        if (exact) expect(shown).toContain(check.detail);
        expect(errors).toEqual([]);
        await page.close();
      },
      360_000,
    );
  }

  it('puts edited settings in the link, drops the old verdict, and tells its story in lecture mode', async () => {
    const { page, errors } = await chromium.newPage();
    await openApp(page, `${appUrl}#preset=simple-model&backend=wasm&lecture=1`);
    await expect.poll(() => page.getByTestId('narrative').textContent()).toContain('simple model');
    await page.getByTestId('study-run').click();
    await page.getByTestId('verdict').waitFor({ timeout: 120_000 });
    await page.getByTestId('narrative-next').click();
    await page.getByTestId('study-settings').locator('summary').click();
    const classes = page.getByTestId('study-field-C');
    await classes.fill('6');
    await classes.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('job.C=6');
    expect(await page.getByTestId('verdict').count()).toBe(0);
    await page.getByTestId('study-run').click();
    await page.getByTestId('verdict').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('verdict').textContent()).toContain('C = 6: 6 outliers');
    // A link to a preset closes the study.
    await page.evaluate(() => {
      location.hash = '#preset=race&backend=wasm';
    });
    await page.getByTestId('play').waitFor();
    expect(await page.getByTestId('study').count()).toBe(0);
    expect(await page.evaluate(() => location.hash)).not.toContain('job.');
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);
});
