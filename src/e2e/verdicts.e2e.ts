/**
 * Every preset played as a viewer plays it, on wasm: Play, wait for the verdict on the page, and
 * check that it is the verdict CI computes (the preset's check on the page's own export), that
 * the run stopped at its budget, and that no panel ever showed an analysis more than one cadence
 * behind the tick the runs were at (sampled while it played). Pace 'fast' (as fast as the analyses
 * allow) keeps CI bounded; the pacing rule that keeps panels current is the same at every pace
 * but 'unpaced'. Prints the time to each verdict.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { findPreset } from '../presets';
import { fmt } from '../protocol/checks';
import { useChromium } from './chromium';
import { exportDoc, openApp } from './page';

const appUrl = inject('appUrl');
const chromium = useChromium();

interface Sample {
  readonly tick: number;
  readonly panels: Record<string, number | null>;
}

/** The tick the runs are at and the tick of the analysis each visible panel shows. */
function sample(page: Page): Promise<Sample> {
  return page.evaluate(() => {
    const tickOf = (selector: string) => {
      const el = document.querySelector<HTMLElement>(selector);
      const value = el?.dataset.tick;
      return value === undefined || value === '' ? null : Number(value);
    };
    return {
      tick: tickOf('[data-testid="step-count"]') ?? 0,
      panels: {
        'loss-slice': tickOf('[data-testid="loss-slice"]'),
        spectrum: tickOf('[data-testid="spectrum"]'),
        flatness: tickOf('[data-testid="flatness"]'),
      },
    };
  });
}

/** Plays `hash` to its verdict; returns what the page said, the samples and the seconds taken. */
async function playToVerdict(hash: string) {
  const { page, errors } = await chromium.newPage();
  await openApp(page, `${appUrl}#${hash}&backend=wasm`);
  await page.getByTestId('pace').selectOption('fast');
  const started = Date.now();
  await page.getByTestId('play').click();
  const samples: Sample[] = [];
  const verdict = page.getByTestId('verdict');
  while ((await verdict.count()) === 0) {
    samples.push(await sample(page));
    if (Date.now() - started > 420_000) throw new Error(`${hash}: no verdict after 420 s`);
    await page.waitForTimeout(250);
  }
  const seconds = (Date.now() - started) / 1000;
  const shown = {
    ok: await verdict.getAttribute('data-ok'),
    tick: Number(await verdict.getAttribute('data-tick')),
    text: (await verdict.textContent()) ?? '',
  };
  // The flatness scatter among the main panels, for a preset that asks for it.
  const scatterPanel = page.locator('main.panels [data-testid="flatness-scatter"]');
  const scatter =
    (await scatterPanel.count()) === 0
      ? null
      : {
          n: await scatterPanel.getAttribute('data-n'),
          rho: await scatterPanel.getAttribute('data-spearman'),
        };
  const doc = await exportDoc(page);
  // Stopped at the budget: a second later it is still there.
  await page.waitForTimeout(1000);
  const after = await sample(page);
  await page.close();
  return { shown, samples, seconds, doc, after, errors, scatter };
}

describe('every preset plays to its verdict (wasm, pace: as fast as analyses allow)', () => {
  const timings: string[] = [];
  for (const [id, overrides, expectOk] of [
    ['race', ''],
    ['seeds', ''],
    ['outliers', ''],
    ['outliers', '&data.classes=8'],
    ['confinement', ''],
    ['transient', ''],
    ['goldilocks', ''],
    ['goldilocks', '&model.r=10', false],
    ['perceptron', ''],
    // The cross-entropy run held at γ = 1: it never solves the training set, so no verdict holds.
    ['perceptron', '&ce.norm.rate=0', false],
    ['norm', ''],
    ['batch', ''],
    ['sam', ''],
    ['rescaling', ''],
    ['mnist', ''],
    ['flat-vs-test', ''],
  ] as [string, string, boolean?][]) {
    const hash = `preset=${id}${overrides}`;
    it(`${hash}${expectOk === false ? ' (must fail)' : ''}`, async () => {
      const preset = findPreset(id)!;
      const { shown, samples, seconds, doc, after, errors, scatter } = await playToVerdict(hash);
      const budget = doc.spec.budget;
      const every = doc.spec.analysis.every;
      timings.push(
        `${hash.padEnd(32)} ${String(budget).padStart(4)} ticks  ${seconds.toFixed(1)} s`,
      );
      console.log(`[verdict] ${hash}: ${seconds.toFixed(1)} s — ${shown.text}`);
      // The page's verdict is CI's: the same check on the same data.
      const ci = preset.check(doc);
      expect(shown.ok, shown.text).toBe(String(ci.ok));
      expect(shown.text).toContain(ci.detail);
      expect(ci.ok, ci.detail).toBe(expectOk ?? true);
      // A preset whose claim is a rank correlation shows it: the scatter's ρ is the verdict's.
      if (preset.panels?.includes('scatter')) {
        expect(scatter?.n).toBe(String(doc.runs.length));
        expect(ci.detail).toContain(`Spearman ρ = ${fmt(Number(scatter?.rho))}`);
      } else expect(scatter).toBeNull();
      // It stopped at the budget, and read the verdict there.
      expect(shown.tick).toBe(budget);
      expect(after.tick).toBe(budget);
      for (const run of doc.runs.filter((r) => r.status === 'running'))
        expect(run.gradEvals).toBe(budget * doc.spec.tickGradEvals);
      // No panel was ever more than one cadence behind the runs.
      expect(samples.length).toBeGreaterThan(2);
      for (const s of samples)
        for (const [panel, tick] of Object.entries(s.panels))
          if (tick !== null && every > 0)
            expect(s.tick - tick, `${panel} at tick ${s.tick}`).toBeLessThanOrEqual(every);
      expect(errors).toEqual([]);
    }, 480_000);
  }
  it('prints the time to each verdict', () => {
    console.log(`[verdict] time to verdict (wasm, fast pace):\n${timings.join('\n')}`);
  });
});
