/**
 * The experiment a bare link opens: the race of SGD and Entropy-SGD on the two-arm spiral. Both
 * start from the same weights of a small ReLU MLP (D = 354: exact Hessians stay cheap) and spend
 * the same gradient budget per tick; the slice through the initialization and both current points
 * shows them side by side, the spectrum and the flatness curves tell their minima apart.
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
      {
        id: 'esgd',
        label: 'Entropy-SGD',
        // The 'scaled' variant (L = 5 inner steps per outer step) with outer momentum. The coupling
        // starts weak (γ0 = 0.03, so the inner chain explores a wide neighbourhood) and is scoped
        // up by 0.5% per outer step to γ ≈ 0.4 at 3,000 gradients (η'γ ≤ 0.5 throughout).
        optimizer: makeOptimizerSpec({
          kind: 'entropySgd',
          variant: 'scaled',
          lr: 1,
          momentum: 0.9,
          L: 5,
          innerLr: 0.5,
          gamma0: 0.03,
          gamma1: 5e-3,
          gammaMax: 1,
          batchSize: 32,
        }),
        seedOffset: 0,
      },
    ],
    tickGradEvals: 5,
    budget: 600,
    analysis: {
      every: 40,
      wait: false,
      spectrum: 'auto',
      slice: { plane: 'threePoints', extent: 1, resolution: 41 },
      flatness: { sigmas: [0.01, 0.03, 0.1, 0.3, 0.5], radii: [0.01, 0.03, 0.1, 0.3], draws: 32 },
    },
  };
}
