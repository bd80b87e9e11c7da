/**
 * The SLQ density's probe count is a spec field (`an.probes`): absent means the engine's 8, a
 * different count is a different estimate, and the link and the editor carry it like any field.
 */
import { expect, it } from 'vitest';
import { defaultExperimentSpec } from '../../protocol/defaultExperiment';
import { completeSpec } from '../../protocol/completeSpec';
import { decodePermalink, encodePermalink } from '../../protocol/permalink';
import { CATALOG } from '../../presets';
import { describeEachBackend } from '../../testing/backends.node';
import { createExperiment } from '../experiment';

const spec = completeSpec({
  dataset: { kind: 'moons', train: 60, test: 20, noise: 0.15 },
  model: { kind: 'mlp', hidden: [5] },
  runs: [{ id: 'a', label: 'a', optimizer: { kind: 'sgd' } }],
  analysis: { every: 0, spectrum: 'slq', slice: null, flatness: null },
});
const analysis = spec.analysis;

it('the link writes an.probes only when set, and reads it back', () => {
  const base = defaultExperimentSpec();
  const set = { ...base, analysis: { ...base.analysis, probes: 16 } };
  const hash = encodePermalink({ spec: set, backend: 'auto' }, base, CATALOG);
  expect(hash).toContain('an.probes=16');
  expect(decodePermalink(hash, base, CATALOG).spec.analysis.probes).toBe(16);
  expect(encodePermalink({ spec: base, backend: 'auto' }, base, CATALOG)).not.toContain('probes');
  expect(decodePermalink('#an.probes=500', base, CATALOG).spec.analysis.probes).toBe(64);
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
