/**
 * The experiment a bare link opens: the race of SGD and Entropy-SGD on the two-arm spiral. Both
 * start from the same weights of a small ReLU MLP (D = 354: exact Hessians stay cheap), draw
 * minibatches of the same size (128, the Entropy-SGD reference codes' batch) and are charged the
 * same 5 gradients per tick; the slice through the initialization and both current points shows
 * them side by side, the spectrum and the flatness curves tell their minima apart.
 *
 * Why this design (issue 13, measured on wasm over seeds 1–20, `npm run lab -- --seeds`):
 * - Entropy-SGD is the authors' 'chaudhari2017' variant: x ← x − η(x − μ). As the coupling γ is
 *   scoped up, the inner chain stays closer to x and the outer step shrinks by itself, so the
 *   run settles. The 'scaled' variant (x ← x − ηγ(x − μ)) did the opposite here: its step grew
 *   with γ, its weight norm kept growing past SGD's, and by 1,000 ticks its relative measures
 *   (δE, the filter-normalized slice) were the sharper ones.
 * - Batch 128 for both, not 32: at batch 32 and momentum 0.9, SGD is already so noisy that it
 *   sits in flat regions itself and the two runs' measures overlap from seed to seed. Full batch
 *   for both was worse (gradient descent rides the edge of stability, λmax ≈ 2(1 + β)/η, but
 *   Entropy-SGD without minibatch noise lost on the shell fraction and test error).
 * - The shell fraction counts a point when E(w') ≤ E(w) + 0.05 (analysis.flatness.tolerance). At
 *   this noise the nets keep a train error of ~10%, and with tolerance 0 the shell fraction was
 *   decided at the two smallest radii by whether a few boundary points flip: it sided with
 *   Entropy-SGD on 10 of 20 seeds. With the tolerance it does on 19 of 20 (seed 8 is the
 *   exception). With less data noise (0.05, train error ~2%) it sided with Entropy-SGD even at
 *   tolerance 0, but then the test errors (3–4%) were a coin toss and SGD's train loss ran away.
 * - What does not hold on every seed (1–20, tolerance 0.05): the test error (Entropy-SGD lower or
 *   equal on 14 of 20) and the train-loss ratio (within 1.25× on 17 of 20); the full verdict
 *   holds on 12 of 20 (8 of seeds 1–10). Tried and worse on seeds 1–10: 200 train points (SGD
 *   overfits to a train loss 1.5–3× below Entropy-SGD's: 2 of 10), the same with γ1 = 0.01 (2 of
 *   10), with Entropy-SGD's outer lr 0.25 (3 of 10, its test error then loses on three seeds), and
 *   with SGD's lr 0.05 (3 of 10); a budget of 800 ticks at 400 train points (7 of 10).
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
        optimizer: makeOptimizerSpec({ kind: 'sgd', lr: 0.1, batchSize: 128, momentum: 0.9 }),
        seedOffset: 0,
      },
      {
        id: 'esgd',
        label: 'Entropy-SGD',
        // The authors' variant, charged L + 1 = 5 gradients per outer step (the paper's
        // accounting; this implementation computes only L = 4 of them): one outer step per tick.
        // η = 0.1 with momentum 0.9 moves x by about (x − μ) per step ("jump to μ"). The inner
        // chain (η' = 0.5, Nesterov 0.9, so an effective coupling 0.1γ) starts wide (γ0 = 0.03)
        // and is scoped by 0.5% per outer step to γ ≈ 0.6 at the budget (η'γ ≤ 0.5 throughout).
        optimizer: makeOptimizerSpec({
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
      flatness: {
        sigmas: [0.01, 0.03, 0.1, 0.3, 0.5],
        radii: [0.01, 0.03, 0.1, 0.3],
        draws: 32,
        tolerance: 0.05,
      },
    },
  };
}
