/**
 * The experiment a bare link opens: the race of SGD and Entropy-SGD on the two-arm spiral with
 * label noise. Both start from the same weights of a small ReLU MLP (D = 354: exact Hessians stay
 * cheap), draw minibatches of the same size (128, the Entropy-SGD reference codes' batch) and are
 * charged the same 5 gradients per tick; the slice through the initialization and both current
 * points shows them side by side, the spectrum and the flatness curves tell their minima apart.
 *
 * The data: 400 training points on the spiral (point noise 0.05), a fifth of their labels flipped
 * (`labelNoise: 0.2`; the 400 test points keep their true labels). The flipped labels are what a
 * sharp minimum fits and a flat one does not: SGD bends its boundary around some of them and its
 * test error on the clean labels rises; Entropy-SGD's local entropy averages them out. The label
 * noise also puts a floor under both train losses (about H(0.2) ≈ 0.5 nats when only the true
 * spiral is fitted), so the two train losses stay comparable even when SGD fits a few flipped
 * points.
 *
 * Why this design (issue 13, measured on wasm, `npm run lab -- --seeds`; the verdict is
 * `flatVsSharp`: five flatness measures, the train-loss ratio ≤ 1.25 and the test error):
 * - Entropy-SGD is the authors' 'chaudhari2017' variant: x ← x − η(x − μ). As the coupling γ is
 *   scoped up, the inner chain stays closer to x and the outer step shrinks by itself, so the
 *   run settles. The 'scaled' variant (x ← x − ηγ(x − μ)) did the opposite here: its step grew
 *   with γ, its weight norm kept growing past SGD's, and by 1,000 ticks its relative measures
 *   (δE, the filter-normalized slice) were the sharper ones.
 * - Batch 128 for both, not 32: at batch 32 and momentum 0.9, SGD is already so noisy that it
 *   sits in flat regions itself and the two runs' measures overlap from seed to seed.
 * - The shell fraction counts a point when E(w') ≤ E(w) + 0.05 (analysis.flatness.tolerance):
 *   with a train error that is not near 0, tolerance 0 decides the shell at the two smallest
 *   radii by whether a few boundary points flip.
 * - The previous design (clean labels, point noise 0.1, 600 ticks) was flatter by every measure on
 *   ~20 of 20 seeds, but the full verdict held on 8 of seeds 1–10 and 12 of 1–20: the test error
 *   (Entropy-SGD lower or equal on 14 of 20, by 1.7 points on average) and the train-loss ratio
 *   (within 1.25× on 17 of 20) were the soft parts. Tried on seeds 1–10 (full verdict held on):
 *   full-batch SGD against it, 3 of 10 (λmax 33–43 against ~2, but SGD's train loss 1.2–1.8×
 *   lower and its test error lower on 3 seeds); 20% label noise at point noise 0.1, 9 of 10; at
 *   point noise 0.05, 9 of 10; with 1 turn instead of 1.5, 9 of 10; 30% label noise, 9 of 10;
 *   20% at point noise 0.05 with 2,000 test points, 8 of 10. Each of these lost on the test error
 *   of one or two seeds, by at most 1.5 points (the mean gain was 2.8–5.1 points, its spread across
 *   seeds about as large).
 * - This design is the 20% / 0.05 one trained for 900 ticks instead of 600 (analyses every 60, so
 *   the page still runs 15 analysis rounds): Entropy-SGD, slower off the mark, has reached the
 *   true spiral by then, and SGD has had time to fit more of the flipped labels. See the race
 *   preset's `expected` for what holds on how many of seeds 1–30.
 */
import { defaultDatasetSpec, type SpiralSpec } from '../core/data/datasetSpec';
import { defaultModelSpec } from '../core/models/modelSpec';
import { makeOptimizerSpec, type SpecOf } from '../core/optimizers/optimizerSpec';
import { SPEC_VERSION, type ExperimentSpec } from './experimentSpec';
import { DEFAULT_FLATNESS, DEFAULT_SLICE } from './specLayout';

/** The race's data: the spiral at point noise 0.05, a fifth of its training labels flipped. */
export const RACE_DATASET: SpiralSpec = {
  ...defaultDatasetSpec('spiral'),
  noise: 0.05,
  labelNoise: 0.2,
};

/** The race's two optimizers, which other presets reuse. */
export const RACE_OPTIMIZERS: { readonly sgd: SpecOf<'sgd'>; readonly esgd: SpecOf<'entropySgd'> } =
  {
    sgd: makeOptimizerSpec({ kind: 'sgd', lr: 0.1, batchSize: 128, momentum: 0.9 }),
    // The authors' variant, charged L + 1 = 5 gradients per outer step (the paper's accounting;
    // this implementation computes only L = 4 of them): one outer step per tick. η = 0.1 with
    // momentum 0.9 moves x by about (x − μ) per step ("jump to μ"). The inner chain (η' = 0.5,
    // Nesterov 0.9, so an effective coupling 0.1γ) starts wide (γ0 = 0.03) and is scoped by 0.5%
    // per outer step up to γ = 1 at step ~700 (η'γ ≤ 0.5 throughout).
    esgd: makeOptimizerSpec({
      kind: 'entropySgd',
      variant: 'chaudhari2017',
      lr: 0.1,
      momentum: 0.9,
      L: 4,
      innerLr: 0.5,
      gamma0: 0.03,
      gamma1: 5e-3,
      gammaMax: 1,
      batchSize: 128,
    }),
  };

/** The race's shell tolerance: a shell point counts when its train error is within this of w's. */
export const RACE_SHELL_TOLERANCE = 0.05;

export function defaultExperimentSpec(): ExperimentSpec {
  return {
    version: SPEC_VERSION,
    seed: 1,
    dataset: RACE_DATASET,
    model: { ...defaultModelSpec('mlp'), hidden: [16, 16] },
    loss: { kind: 'crossEntropy' },
    runs: [
      { id: 'sgd', label: 'SGD', optimizer: RACE_OPTIMIZERS.sgd, seedOffset: 0 },
      { id: 'esgd', label: 'Entropy-SGD', optimizer: RACE_OPTIMIZERS.esgd, seedOffset: 0 },
    ],
    tickGradEvals: 5,
    budget: 900,
    analysis: {
      every: 60,
      wait: false,
      spectrum: 'auto',
      slice: DEFAULT_SLICE,
      flatness: { ...DEFAULT_FLATNESS, tolerance: RACE_SHELL_TOLERANCE },
    },
  };
}
