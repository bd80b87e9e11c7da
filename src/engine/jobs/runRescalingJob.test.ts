/**
 * Rescaling invariance (SCIENCE.md §6.8) on a trained ReLU network: the same function, a
 * different λmax, the same filter-normalized slice and multiplicative local energy, a different
 * additive local energy.
 */
import { describe, expect, it } from 'vitest';
import { completeSpec } from '../../protocol/completeSpec';
import { useBackend } from '../../testing/backends.node';
import { createExperiment } from '../experiment';
import { runRescalingJob } from './runRescalingJob';

const spec = completeSpec({
  seed: 4,
  dataset: { kind: 'moons', train: 150, test: 50 },
  model: { kind: 'mlp', hidden: [12, 12] },
  runs: [{ id: 'sgd', label: 'SGD', optimizer: { kind: 'sgd', batchSize: 16, momentum: 0.9 } }],
  tickGradEvals: 20,
  budget: 0,
  analysis: { every: 0, spectrum: 'off', slice: null, flatness: null },
});
describe('rescaling job', () => {
  it('changes λmax but not the invariant measures', async () => {
    await useBackend('cpu');
    const experiment = await createExperiment(spec, {}, null);
    for (let i = 0; i < 10; i++) {
      experiment.advance();
      await experiment.measure();
    }
    const weights = experiment.runs[0]!.weights();
    experiment.dispose();
    const result = await runRescalingJob(
      {
        kind: 'rescaling',
        dataset: spec.dataset,
        model: spec.model,
        loss: spec.loss,
        weights,
        layer: 1,
        factor: 4,
        sigmas: [0.05, 0.2],
        draws: 8,
        seed: 1,
      },
      {},
    );
    expect(result.functionGap).toBeLessThan(1e-4);
    const { original, rescaled } = result;
    expect(Math.abs(original.lambdaMax - rescaled.lambdaMax)).toBeGreaterThan(
      0.2 * original.lambdaMax,
    );
    expect(result.sliceGap).toBeLessThan(1e-4);
    for (let i = 0; i < 2; i++) {
      const m = original.energyMultiplicative[i]!;
      expect(Math.abs(m - rescaled.energyMultiplicative[i]!)).toBeLessThan(
        1e-4 * Math.max(1, Math.abs(m)),
      );
      const a = original.energyAdditive[i]!;
      expect(Math.abs(a - rescaled.energyAdditive[i]!)).toBeGreaterThan(0.05 * Math.abs(a));
    }
  });

  it('refuses a tanh network with a clear reason', async () => {
    await useBackend('cpu');
    await expect(
      runRescalingJob(
        {
          kind: 'rescaling',
          dataset: spec.dataset,
          model: { kind: 'mlp', hidden: [4], activation: 'tanh', initScale: 1 },
          loss: spec.loss,
          weights: new Float32Array(10),
          layer: 1,
          factor: 2,
          sigmas: [0.1],
          draws: 2,
          seed: 1,
        },
        {},
      ),
    ).rejects.toThrow(/ReLU/);
  });
});
