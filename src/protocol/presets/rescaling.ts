/** SCIENCE.md §6.8 (Dinh et al. 2017): ReLU rescaling changes λmax, not the function. */
import { makeOptimizerSpec } from '../../core/optimizers/optimizerSpec';
import { SPEC_VERSION } from '../experimentSpec';
import { finalLambdaMax, fmt, localEnergy, runOf } from './checks';
import type { Preset } from './preset';

export const rescalingPreset: Preset = {
  id: 'rescaling',
  title: 'Rescaling a ReLU network: sharp on paper, same function',
  phenomenon: '§6.8',
  explanation:
    'Multiply the first layer of a ReLU network by c and the next by 1/c: the network computes ' +
    'exactly the same function, yet its Hessian changes — λmax can be made as large as you like. ' +
    'So raw sharpness cannot by itself explain generalization (“sharp minima can generalize”). The ' +
    'measures Flatland draws are built to be immune: the filter-normalized slice rescales each ' +
    'direction to its neuron’s weights, and the local energy uses multiplicative noise σ z ⊙ w.',
  whatToLookAt: [
    'Loss slice (random filter-normalized plane) and the flatness curves: compare with a rescaled copy.',
    'Spectrum: λmax, which the rescaling changes.',
  ],
  expected:
    'A copy of the trained network with layer 1 × c and layer 2 × 1/c has a different λmax but the ' +
    'same filter-normalized slice and the same multiplicative local energy δE(σ).',
  narrative: [
    'Train a small ReLU network on the two moons.',
    'Rescale two layers by c and 1/c: the decision boundary does not move.',
    'λmax changes; the filter-normalized slice and δE(σ) do not.',
  ],
  ticks: 300,
  limitation:
    'The rescaled copy is made on request, not from the spec: train, then open the “Rescaling” ' +
    'tab under More experiments to compare the network with its copy (λmax, the multiplicative ' +
    'and additive local energies, the filter-normalized slice). The exported data holds the one ' +
    'trained run, so this check reads its measures only.',
  check(doc) {
    const run = runOf(doc, 'sgd');
    const rescaled = runOf(doc, 'rescaled');
    if (!rescaled) {
      return {
        ok: false,
        detail: `No rescaled copy in the export (engine support pending); λmax ${fmt(finalLambdaMax(run))}, δE(0.1) ${fmt(localEnergy(run, 0.1))}.`,
      };
    }
    const [e1, e2] = [localEnergy(run, 0.1), localEnergy(rescaled, 0.1)];
    const [l1, l2] = [finalLambdaMax(run), finalLambdaMax(rescaled)];
    return {
      ok: Math.abs(e1 - e2) <= 0.05 * Math.max(Math.abs(e1), 1e-6) && Math.abs(l1 - l2) > 0.1 * l1,
      detail: `δE(0.1) ${fmt(e1)} vs ${fmt(e2)}; λmax ${fmt(l1)} vs ${fmt(l2)}.`,
    };
  },
  spec: {
    version: SPEC_VERSION,
    seed: 2,
    dataset: { kind: 'moons', train: 300, test: 300, noise: 0.1 },
    model: { kind: 'mlp', hidden: [16, 16], activation: 'relu', initScale: 1 },
    loss: { kind: 'crossEntropy' },
    runs: [
      {
        id: 'sgd',
        label: 'SGD',
        optimizer: makeOptimizerSpec({ kind: 'sgd', lr: 0.1, batchSize: 32, momentum: 0.9 }),
        seedOffset: 0,
      },
    ],
    tickGradEvals: 5,
    analysis: {
      every: 50,
      wait: false,
      spectrum: 'exact',
      slice: { plane: 'random', extent: 1, resolution: 31 },
      flatness: { sigmas: [0.01, 0.03, 0.1, 0.3, 0.5], radii: [0.01, 0.03, 0.1, 0.3], draws: 32 },
    },
  },
};
