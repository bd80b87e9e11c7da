/**
 * The Goldilocks job (SCIENCE.md §6.4): the restricted-Hessian measure Tr(H_d)/‖H_d‖_F is higher
 * at the standard initialization radius than at much smaller or larger ones, and training in a
 * random hyperplane does better from there than from a huge radius.
 */
import { describe, expect, it } from 'vitest';
import { useBackend } from '../../testing/backends.node';
import { runGoldilocksJob } from './runGoldilocksJob';

// Measured (cpu, seed 1): Tr/F 0.26 / 1.45 / 0.83, positive fraction 0.50 / 0.65 / 0.55, final
// loss after 150 steps in a 10-d hyperplane 0.42 / 0.34 / 15.4 for r = 0.03 / 1 / 30.
describe('Goldilocks job', () => {
  it('peaks near r = 1 and trains best there', async () => {
    await useBackend('cpu');
    const result = await runGoldilocksJob(
      {
        kind: 'goldilocks',
        dataset: {
          kind: 'gaussianMixture',
          train: 200,
          test: 0,
          dim: 8,
          classes: 3,
          separation: 3,
          shift: 0,
          labelNoise: 0,
        },
        model: { kind: 'mlp', hidden: [32], activation: 'tanh', initScale: 1 },
        loss: { kind: 'crossEntropy' },
        scales: [0.03, 1, 30],
        subspaceDim: 10,
        hyperplanes: 4,
        trainSteps: 150,
        learningRate: 0.5,
        batchSize: 32,
        seed: 1,
      },
      {},
    );
    const [small, mid, large] = result.traceOverFrobenius;
    expect(mid!).toBeGreaterThan(small!);
    expect(mid!).toBeGreaterThan(large!);
    expect(result.positiveFraction[1]!).toBeGreaterThan(result.positiveFraction[0]!);
    expect(result.finalLoss[1]!).toBeLessThan(result.finalLoss[2]!);
    expect(result.finalLoss[1]!).toBeLessThan(result.initialLoss[1]! / 2);
  });
});
