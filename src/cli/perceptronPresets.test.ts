/**
 * The perceptron presets compare solutions (SCIENCE.md §6.5): on the page's engine in Node, every
 * run of `perceptron` and `norm` ends its budget at zero training errors, and the preset's check
 * holds on its own seed. Analyses only at the end keep it short.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { findPreset } from '../presets';
import { last, series } from '../protocol/checks';
import { startNodeBackend } from './nodeBackend';
import { runHeadless } from './runHeadless';

beforeAll(() => startNodeBackend('wasm'));

describe('the perceptron presets on wasm', () => {
  for (const id of ['perceptron', 'norm']) {
    it(`${id}: every run solves the training set at the budget, and the check holds`, async () => {
      const preset = findPreset(id)!;
      const spec = { ...preset.spec, analysis: { ...preset.spec.analysis, every: 0 } };
      const doc = await runHeadless(spec, { until: { ticks: spec.budget }, sources: {} });
      expect(doc.runs.map((r) => r.gradEvals)).toEqual(
        spec.runs.map(() => spec.budget * spec.tickGradEvals),
      );
      for (const run of doc.runs) expect(last(series(run, 'trainError')), run.id).toBe(0);
      const check = preset.check(doc);
      expect(check.ok, check.detail).toBe(true);
    });
  }
});
