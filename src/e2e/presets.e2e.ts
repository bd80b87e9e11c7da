/**
 * The presets, permalinks, lecture mode and exports in the built app, on the wasm backend:
 * every preset loads and takes a step; a permalink restores the same numbers; garbage in the hash
 * is survived; lecture links hide what they say; exports download valid SVG, PNG, JSON and CSV.
 * (Each preset's expected observation, played to its verdict: verdicts.e2e.ts.)
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import type { ExportDocument } from '../protocol/exportFormat';
import { PRESETS } from '../presets';
import { useChromium } from './chromium';
import { openApp, readState } from './page';

const appUrl = inject('appUrl');
const chromium = useChromium();

/** Advances the engine by `ticks` lockstep ticks and waits until every running run spent them. */
async function runTicks(page: Page, ticks: number, timeout = 240_000): Promise<void> {
  const target = await page.evaluate((n) => {
    const f = window.flatland;
    const state = f.store.getState();
    f.client.step(n);
    return Math.max(...state.runs.map((r) => r.gradEvals)) + n * state.spec.tickGradEvals;
  }, ticks);
  await page.waitForFunction(
    (t) => {
      const runs = window.flatland.store.getState().runs;
      return runs.every((r) => r.status !== 'running' || r.gradEvals >= t);
    },
    target,
    { timeout, polling: 250 },
  );
}

describe('presets', () => {
  it('every preset loads from #preset=<id>, matches its spec and takes a step', async () => {
    const { page, errors } = await chromium.newPage();
    await openApp(page, `${appUrl}#backend=wasm`);
    for (const preset of PRESETS) {
      await page.evaluate((id) => {
        window.location.hash = `#v=1&preset=${id}&backend=wasm`;
      }, preset.id);
      await page.waitForFunction((id) => window.flatland.store.getState().preset === id, preset.id);
      const spec = await page.evaluate(() => JSON.stringify(window.flatland.store.getState().spec));
      expect(JSON.parse(spec), preset.id).toEqual(JSON.parse(JSON.stringify(preset.spec)));
      await runTicks(page, 1, 120_000);
      const state = await readState(page);
      expect(state.runs.map((r) => r.id)).toEqual(preset.spec.runs.map((r) => r.id));
      for (const run of state.runs) {
        expect(run.status, `${preset.id}/${run.id}: ${run.reason ?? ''}`).toBe('running');
        expect(run.gradEvals).toBeGreaterThan(0);
      }
      expect(page.url()).toContain(`preset=${preset.id}`);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('choosing a preset in the gallery loads it and sets #preset=<id>', async () => {
    const { page } = await chromium.newPage();
    await openApp(page, `${appUrl}#backend=wasm`);
    await page.getByTestId('gallery-toggle').click();
    await page.getByTestId('load-preset-sam').click();
    await page.waitForFunction(() => window.location.hash.includes('preset=sam'));
    expect(await page.getByTestId('preset-sam').getAttribute('class')).toContain('current');
    const state = await readState(page);
    expect(state.runs.map((r) => r.id)).toEqual(['sgd', 'sam']);
    await page.close();
  });
});

describe('permalinks', () => {
  it('restore the same experiment and the same numbers on the same backend', async () => {
    const hash = 'v=1&preset=outliers&seed=9&sgd.lr=0.08&an.every=0&an.spectrum=off&backend=wasm';
    const losses: number[][] = [];
    for (let i = 0; i < 2; i++) {
      const { page } = await chromium.newPage();
      await openApp(page, `${appUrl}#${hash}`);
      await runTicks(page, 30);
      const state = await readState(page);
      losses.push(state.runs[0]?.trainLoss ?? []);
      expect(new URL(page.url()).hash).toBe(
        `#${hash.replace('&backend=wasm', '').replace('preset=outliers', 'preset=outliers&backend=wasm')}`,
      );
      await page.close();
    }
    expect(losses[0]?.length).toBeGreaterThan(5);
    expect(losses[1]).toEqual(losses[0]);
  });

  it('carry the runs made in the editor: a rescaled copy, and a run in a hyperplane', async () => {
    const { page, errors } = await chromium.newPage();
    await openApp(page, `${appUrl}#v=1&an.every=0&an.spectrum=off&an.slice=off&backend=wasm`);
    await page.getByTestId('add-copy').click();
    await page.waitForFunction(() => window.location.hash.includes('.copy=sgd'));
    const hyperplane = page.getByTestId('hyperplane-esgd');
    await hyperplane.fill('20');
    await hyperplane.press('Enter');
    await page.waitForFunction(() => window.location.hash.includes('esgd.plane=20'));
    expect(await page.getByTestId('variant-sgd2').textContent()).toContain('layer 1 × 5');
    await runTicks(page, 20);
    const [sgd, esgd, copy] = (await readState(page)).runs;
    expect(copy?.id).toBe('sgd2');
    expect(copy?.gradEvals).toBe(sgd?.gradEvals);
    // The same function: the copy's training loss is SGD's, point for point.
    expect(copy?.trainLoss.length).toBeGreaterThan(5);
    copy?.trainLoss.forEach((x, i) => expect(x).toBeCloseTo(sgd!.trainLoss[i]!, 4));
    expect(esgd?.status).toBe('running');
    expect(esgd?.trainLoss[esgd.trainLoss.length - 1]).toBeLessThan(esgd!.trainLoss[0]!);
    // The link reproduces both.
    const { page: again } = await chromium.newPage();
    await openApp(again, page.url());
    const spec = await again.evaluate(() =>
      JSON.stringify(window.flatland.store.getState().spec.runs),
    );
    expect(JSON.parse(spec)).toMatchObject([
      { id: 'sgd' },
      { id: 'esgd', hyperplane: 20 },
      { id: 'sgd2', copy: { of: 'sgd', layer: 1, factor: 5 } },
    ]);
    expect(errors).toEqual([]);
    await page.close();
    await again.close();
  });

  it('survive garbage: the notice lists the problems as text and the page works', async () => {
    const { page, errors } = await chromium.newPage();
    await openApp(
      page,
      `${appUrl}#preset=nope&seed=banana&model.hidden=9,x&hide=<b>bold</b>&runs=<img src=x onerror=alert(1)>&backend=wasm`,
    );
    const notice = page.getByTestId('notice');
    await expect.poll(() => notice.textContent()).toContain('no preset');
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain('seed');
    expect(text).toContain('model.hidden');
    expect(await page.locator('[data-testid="notice"] img, [data-testid="notice"] b').count()).toBe(
      0,
    );
    await runTicks(page, 2);
    expect((await readState(page)).runs[0]?.gradEvals).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('lecture and embed modes', () => {
  it('hide what the link hides, lock what it locks, and obey the keyboard', async () => {
    const { page } = await chromium.newPage();
    await openApp(page, `${appUrl}#preset=race&lecture=1&hide=controls,spectrum&backend=wasm`);
    expect(await page.getByTestId('app').getAttribute('class')).toContain('lecture');
    expect(await page.getByTestId('spectrum').isVisible()).toBe(false);
    expect(await page.getByTestId('play').isVisible()).toBe(false);
    expect(await page.getByTestId('loss-slice').isVisible()).toBe(true);
    expect(await page.getByTestId('narrative').isVisible()).toBe(true);
    const first = await page.getByTestId('narrative-text').textContent();
    await page.keyboard.press('PageDown');
    expect(await page.getByTestId('narrative-text').textContent()).not.toBe(first);
    // → takes one step; space plays and pauses.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => window.flatland.store.getState().runs[0]!.steps > 0);
    await page.keyboard.press(' ');
    await expect.poll(async () => (await readState(page)).engine).toBe('playing');
    await page.keyboard.press(' ');
    await expect.poll(async () => (await readState(page)).engine).toBe('paused');
    await page.close();

    const locked = await chromium.newPage();
    await openApp(locked.page, `${appUrl}#lock=1&backend=wasm`);
    expect(await locked.page.getByTestId('lockable').getAttribute('data-locked')).toBe('true');
    expect(await locked.page.getByTestId('play').isEnabled()).toBe(true);
    await locked.page.close();
  });

  it('lecture mode folds the settings away until asked, and the story waits for its panels', async () => {
    const { page, errors } = await chromium.newPage();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openApp(page, `${appUrl}#preset=outliers&lecture=1&backend=wasm`);
    expect(await page.getByTestId('editor').isVisible()).toBe(false);
    await page.getByTestId('editor-toggle').click();
    expect(await page.getByTestId('editor').isVisible()).toBe(true);
    await page.getByTestId('editor-toggle').click();
    expect(await page.getByTestId('editor').isVisible()).toBe(false);
    // The outliers story: its third step ("count the outliers") waits for a spectrum after Play.
    const text = page.getByTestId('narrative-text');
    await page.getByTestId('narrative-next').click();
    expect(await text.getAttribute('data-step')).toBe('1');
    expect(await page.getByTestId('narrative-next').isDisabled()).toBe(true);
    await page.getByTestId('play').click();
    await page.waitForSelector('[data-testid="narrative-text"][data-step="2"]', {
      timeout: 60_000,
    });
    const spectrumTick = Number(await page.getByTestId('spectrum').getAttribute('data-tick'));
    expect(spectrumTick).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lecture mode brings the panel a step is about into view below the story, not under it', async () => {
    const { page, errors } = await chromium.newPage();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openApp(page, `${appUrl}#lecture=1&backend=wasm`);
    await page.getByTestId('play').click();
    // The race's fifth step is about the flatness panel; it comes with the first flatness.
    await page.waitForSelector('[data-testid="narrative-text"][data-step="4"]', {
      timeout: 60_000,
    });
    // Pause by the shortcut: clicking Pause would scroll the page back up to the button.
    await page.keyboard.press('Space');
    // The smooth scroll has settled once the panel stops moving.
    let top = Number.NaN;
    await expect
      .poll(
        async () => {
          const before = top;
          top = (await page.getByTestId('flatness').boundingBox())?.y ?? Number.NaN;
          return top === before;
        },
        { timeout: 10_000, interval: 300 },
      )
      .toBe(true);
    const story = await page.getByTestId('narrative').boundingBox();
    const panel = await page.getByTestId('flatness').boundingBox();
    expect(story && panel).toBeTruthy();
    expect(panel!.y).toBeGreaterThanOrEqual(story!.y + story!.height);
    expect(panel!.y + panel!.height).toBeLessThanOrEqual(1080);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('on a phone the first screen shows Play and a chart', async () => {
    const { page } = await chromium.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await openApp(page, `${appUrl}#backend=wasm`);
    const inFirstScreen = async (testId: string) => {
      const box = await page.getByTestId(testId).boundingBox();
      return box !== null && box.y >= 0 && box.y < 844 - 100;
    };
    expect(await inFirstScreen('play')).toBe(true);
    expect(await inFirstScreen('loss-slice')).toBe(true);
    await page.close();
  });

  it('embed shows the panels only', async () => {
    const { page } = await chromium.newPage();
    // The header (and its backend badge) is hidden in embed mode: wait for the badge to be filled in.
    await page.goto(`${appUrl}#embed=1&focus=loss-slice&backend=wasm`);
    await page.waitForSelector('[data-testid="backend-badge"][data-backend="wasm"]', {
      state: 'attached',
      timeout: 60_000,
    });
    expect(await page.getByTestId('loss-slice').isVisible()).toBe(true);
    expect(await page.getByTestId('curves').isVisible()).toBe(false);
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.getByTestId('gallery').isVisible()).toBe(false);
    await page.close();
  });
});

describe('exports', () => {
  it('download valid SVG, PNG, JSON and CSV, with the permalink in the chart caption', async () => {
    const { page, errors } = await chromium.newPage();
    await openApp(page, `${appUrl}#preset=race&an.every=5&backend=wasm`);
    await runTicks(page, 10);
    const save = async (testId: string) => {
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 120_000 }),
        page.getByTestId(testId).click(),
      ]);
      const path = await download.path();
      return { name: download.suggestedFilename(), bytes: readFileSync(path) };
    };
    for (const panel of ['loss-slice', 'spectrum', 'flatness', 'curves']) {
      const svg = await save(`export-svg-${panel}`);
      expect(svg.name).toMatch(/\.svg$/);
      const text = svg.bytes.toString('utf8');
      expect(text).toMatch(/^<\?xml[^>]*>\s*<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      expect(text).toContain('preset=race');
      // Well-formed XML: the browser's parser reports no error.
      const parseError = await page.evaluate(
        (t) =>
          new DOMParser().parseFromString(t, 'image/svg+xml').querySelector('parsererror')
            ?.textContent ?? null,
        text,
      );
      expect(parseError).toBeNull();
      const png = await save(`export-png-${panel}`);
      expect(png.name).toMatch(/\.png$/);
      expect([...png.bytes.subarray(0, 8)]).toEqual([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
      ]);
      expect(png.bytes.length).toBeGreaterThan(1000);
    }
    const json = await save('export-json');
    const doc = JSON.parse(json.bytes.toString('utf8')) as ExportDocument;
    expect(doc.format).toBe('flatland/1');
    expect(doc.backend).toBe('wasm');
    expect(doc.runs.map((r) => r.id)).toEqual(['sgd', 'esgd']);
    const csv = await save('export-csv');
    const lines = csv.bytes.toString('utf8').trim().split('\n');
    expect(lines[0]).toMatch(/^run,label,step,gradEvals,trainLoss/);
    const columns = lines[0]!.split(',').length;
    expect(lines.length).toBeGreaterThan(4);
    for (const line of lines.slice(1)) expect(line.split(',').length).toBe(columns);
    expect(lines.some((l) => l.startsWith('esgd,'))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
