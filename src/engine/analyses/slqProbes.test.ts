/**
 * The SLQ density's probe count is a spec field (`an.probes`): absent means the engine's 8, a
 * different count is a different estimate, and the link and the editor carry it like any field.
 */
import { expect, it } from 'vitest';
import { makeOptimizerSpec } from '../../core/optimizers/optimizerSpec';
import { defaultExperimentSpec } from '../../protocol/defaultExperiment';
import type { AnalysisSpec, ExperimentSpec } from '../../protocol/experimentSpec';
import { decodePermalink, encodePermalink } from '../../protocol/permalink';
import { describeEachBackend } from '../../testing/backends.node';
import { createExperiment } from '../experiment';

const analysis: AnalysisSpec = {
  every: 0,
  wait: false,
  spectrum: 'slq',
  slice: null,
  flatness: null,
};

const spec: ExperimentSpec = {
  ...defaultExperimentSpec(),
  dataset: { kind: 'moons', train: 60, test: 20, noise: 0.15 },
  model: { kind: 'mlp', hidden: [5], activation: 'relu', initScale: 1 },
  runs: [{ id: 'a', label: 'a', optimizer: makeOptimizerSpec({ kind: 'sgd' }), seedOffset: 0 }],
  analysis,
};

it('the link writes an.probes only when set, and reads it back', () => {
  const base = defaultExperimentSpec();
  const set = { ...base, analysis: { ...base.analysis, probes: 16 } };
  const hash = encodePermalink({ spec: set, backend: 'auto' }, base);
  expect(hash).toContain('an.probes=16');
  expect(decodePermalink(hash, base).spec.analysis.probes).toBe(16);
  expect(encodePermalink({ spec: base, backend: 'auto' }, base)).not.toContain('probes');
  expect(decodePermalink('#an.probes=500', base).spec.analysis.probes).toBe(64);
});

describeEachBackend('the SLQ probe count', () => {
  it('absent is 8 probes; 1 probe is another estimate', async () => {
    const experiment = await createExperiment(spec, {}, null);
    try {
      const density = async (probes?: number) => {
        const settings = probes === undefined ? analysis : { ...analysis, probes };
        const update = await experiment.analyse(settings, {});
        return Array.from(update.spectra[0]!.density);
      };
      const absent = await density();
      expect(absent.length).toBeGreaterThan(0);
      expect(await density(8)).toEqual(absent);
      expect(await density(1)).not.toEqual(absent);
    } finally {
      experiment.dispose();
    }
  });
});
