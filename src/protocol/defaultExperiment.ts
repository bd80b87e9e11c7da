/**
 * The experiment a bare link opens: a small ReLU MLP on the two-arm spiral, trained by SGD.
 * (Issue 7 turns this into the SGD vs Entropy-SGD race and adds the preset gallery.)
 */
import { defaultDatasetSpec } from '../core/data/datasetSpec';
import { makeOptimizerSpec } from '../core/optimizers/optimizerSpec';
import { SPEC_VERSION, type ExperimentSpec } from './experimentSpec';

export function defaultExperimentSpec(): ExperimentSpec {
  return {
    version: SPEC_VERSION,
    seed: 1,
    dataset: defaultDatasetSpec('spiral'),
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
      every: 40,
      spectrum: 'auto',
      slice: { plane: 'threePoints', extent: 1, resolution: 41 },
      flatness: { sigmas: [0.01, 0.03, 0.1, 0.3, 0.5], radii: [0.01, 0.03, 0.1, 0.3], draws: 32 },
    },
  };
}
