/**
 * Runs at equal weights (every run at step 0) are analysed once: the shared results are what each
 * run would get on its own, under its own id.
 */
import { expect, it } from 'vitest';
import { completeSpec } from '../../protocol/completeSpec';
import { describeEachBackend } from '../../testing/backends.node';
import { createExperiment } from '../experiment';
import { twinOf } from './twins';

const spec = completeSpec({
  seed: 4,
  dataset: { kind: 'moons', train: 60, test: 20, noise: 0.15 },
  model: { kind: 'mlp', hidden: [5] },
  runs: ['a', 'b', 'c'].map((id, k) => ({
    id,
    label: id,
    optimizer: { kind: 'sgd' as const, lr: 0.05 * (k + 1), batchSize: 8 },
    seedOffset: k,
  })),
  tickGradEvals: 4,
  budget: 0,
  analysis: {
    every: 0,
    spectrum: 'exact',
    slice: { plane: 'random', resolution: 5 },
    flatness: { sigmas: [0.1, 0.3], radii: [0.1], draws: 6, tolerance: 0 },
  },
});

it('twinOf points each vector at the first equal one', () => {
  const v = (...x: number[]) => Float32Array.from(x);
  expect(twinOf([v(1, 2), v(1, 3), v(1, 2), v(1, 3), v(0, 0)])).toEqual([0, 1, 0, 1, 4]);
  expect(twinOf([])).toEqual([]);
});

describeEachBackend('analyses of twin runs', () => {
  it('are each run’s own analysis at step 0, under its own id, and apart once the runs part', async () => {
    const experiment = await createExperiment(spec, {}, null);
    try {
      const atStart = await experiment.analyse(spec.analysis, {});
      expect(atStart.flatness.map((f) => f.runId)).toEqual(['a', 'b', 'c']);
      expect(atStart.spectra.map((s) => s.runId)).toEqual(['a', 'b', 'c']);
      expect(atStart.localSlices.map((s) => s.anchorRunId)).toEqual(['a', 'b', 'c']);
      // Run c in an experiment of its own gets the numbers it gets here as a's twin.
      const single = await createExperiment({ ...spec, runs: [spec.runs[2]!] }, {}, null);
      const alone = await single.analyse(spec.analysis, {}).finally(() => single.dispose());
      expect(atStart.flatness[2]).toEqual(alone.flatness[0]);
      expect(atStart.spectra[2]).toEqual(alone.spectra[0]);
      expect(atStart.localSlices[2]).toEqual(alone.localSlices[0]);
      const [a, , c] = atStart.flatness;
      expect(Array.from(c!.energyLoss)).toEqual(Array.from(a!.energyLoss));
      expect(c!.energyLoss).not.toBe(a!.energyLoss);
      expect(Array.from(atStart.spectra[2]!.eigenvalues)).toEqual(
        Array.from(atStart.spectra[0]!.eigenvalues),
      );
      expect(Array.from(atStart.localSlices[1]!.loss)).toEqual(
        Array.from(atStart.localSlices[0]!.loss),
      );

      for (let t = 0; t < 5; t++) experiment.advance();
      await experiment.measure();
      const later = await experiment.analyse(spec.analysis, {});
      expect(Array.from(later.flatness[2]!.energyLoss)).not.toEqual(
        Array.from(later.flatness[0]!.energyLoss),
      );
    } finally {
      experiment.dispose();
    }
  });
});
