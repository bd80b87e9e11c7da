/**
 * SCIENCE.md §6.6–§6.7: flatness against test error across the runs of one experiment — the
 * papers' flatness–generalization correlation (Pittorino et al. 2021 across optimizers; Jiang et
 * al. 2020 across training settings), read as a rank correlation over six training procedures at
 * one gradient budget.
 */
import { fmt, last, localEnergy, missing, rankCorrelation, series } from '../protocol/checks';
import { completeSpec, type PartialRun } from '../protocol/completeSpec';
import { RACE_DATASET, RACE_OPTIMIZERS } from '../protocol/defaultExperiment';
import type { Preset } from '../protocol/preset';

/** The flatness measure of the claim: δE(σ) on the train loss at this σ. */
export const CLAIM_SIGMA = 0.1;
/** The verdict: Spearman's ρ of δE(0.1) against the final test error, over the runs, ≥ this. */
export const MIN_SPEARMAN = 0.3;

/**
 * Why this design (issue 15; wasm, `npm run lab -- --preset flat-vs-test --seeds`; seeds 1–10
 * measured, the threshold set on them, then seeds 11–20 held out — see `expected`):
 * - Six procedures the literature ranks from flat to sharp, on the race's spiral with a fifth of
 *   the training labels flipped, so that a sharp minimum has something to fit that costs test
 *   error. All six fit the clean spiral (train error 0.12–0.24, the floor being 0.2); the sharp
 *   ones fit some flipped labels on top, so theirs is the lower train loss (the
 *   verdict prints every run's). 900 ticks, not 600: at 600 SGD on batches of 32 is still above
 *   the floor on some seeds (train error 0.22–0.24, test error 0.19–0.20 on seeds 1–2), the
 *   flattest run is then the least trained one, and ρ fell to −0.14…0.15 on those seeds.
 * - The claim's measure is δE(0.1) on the loss: multiplicative, so a ReLU rescaling cannot fake it;
 *   smooth in σ (δE on the error moves in steps of 1/400); and not pinned by the optimizer the way
 *   λmax is (full-batch descent sits near the stability edge 2(1 + β)/η = 38 — measured 34–43 —
 *   whatever its minimum). Over seeds 1–20 δE on the error gave ρ min 0.14, median 0.69; λmax
 *   min 0.03, median 0.69; δE(0.1) on the loss min 0.23, median 0.69.
 * - Rejected, on seeds 1–3 or 1–10 (ρ of δE(0.1) on the loss against the test error):
 *   a batch-size ladder at one learning rate (SGD, η = 0.1, momentum 0.9) — batches 8–256 at
 *   600 ticks: the small batches never fit the spiral (batch 8: test error 0.37–0.50) and ρ was
 *   −0.5…−0.7; batches 32–400 at 900 ticks: ρ ≥ 0.6 on 6 of seeds 1–10 but −0.1…0.05 on three,
 *   batch 32 again short of the floor on two of them; without momentum (η = 0.1 and 0.3) the
 *   runs did not fit the spiral in the budget (train loss 0.45–0.60). A SAM ρ-ladder (ρ = 0–0.3,
 *   batch 128): δE fell 5× at an equal train loss but the test error did not follow (ρ 0.26,
 *   0.66, −0.26). Two-class Gaussian mixtures with 20% flipped labels: in 2-D the random class
 *   means nearly coincide on some seeds (test error 0.4 for every run; ρ −0.6…0.94); in 10-D
 *   (a 10–8–2 network) the noisy small batches underfit and ρ was −0.4…−0.8 (seeds 1–3).
 * - Cost (wasm in Node, CPU time, back to back with the race on the loaded 2-core build box):
 *   six runs of 4,500 gradients take 32 ms a tick against the race's 13, and a round — six exact
 *   spectra at D = 354 (2.1 s of it), a 25² slice with six local slices, three σ of δE — 3.5 s
 *   against the race's 1.8 s. Four rounds, every 225 ticks, kept the whole budget at ≈ 41 s of
 *   CPU, the race's (15 rounds) ≈ 40 s; without the spectra 34 s (seed 1: the same verdict, to
 *   the digit). Without them the budget plays to its verdict in 43.8 s at normal pace in Chromium
 *   on the quiet box (98.5 s with them on the loaded one).
 */
function sgd(batchSize: number): PartialRun['optimizer'] {
  return { kind: 'sgd', batchSize, momentum: 0.9 };
}

function run(id: string, label: string, optimizer: PartialRun['optimizer']): PartialRun {
  return { id, label, optimizer };
}

const spec = completeSpec({
  // The race's data with 1,000 clean test points: the runs differ by a few points of test error.
  dataset: { ...RACE_DATASET, test: 1000 },
  runs: [
    run('sgd32', 'SGD batch 32', sgd(32)),
    run('sgd', 'SGD batch 128', sgd(128)),
    run('gd', 'full batch', sgd(RACE_DATASET.train)),
    run('sam', 'SAM ρ = 0.1', { kind: 'sam', momentum: 0.9, rho: 0.1 }),
    run('esgd', 'Entropy-SGD', RACE_OPTIMIZERS.esgd),
    run('adam', 'Adam', { kind: 'adam', lr: 0.01 }),
  ],
  analysis: {
    every: 225,
    // No Hessian spectrum: the claim reads δE, and six exact spectra were 60% of a round's time
    // (turn it on in the editor to see λmax; full-batch descent's sits at its stability edge).
    spectrum: 'off',
    slice: { resolution: 25 },
    flatness: { sigmas: [0.03, CLAIM_SIGMA, 0.3], radii: [0.1] },
  },
});

export const flatVsTestPreset: Preset = {
  id: 'flat-vs-test',
  title: 'Flatter minima, lower test error: six optimizers ranked',
  phenomenon: '§6.6–§6.7',
  explanation:
    'Six training procedures start from the same weights of the race’s network on the spiral ' +
    'with a fifth of the training labels flipped, and each is charged the same 5 gradient ' +
    'evaluations per tick: SGD on batches of 32 and of 128, full-batch descent, SAM, ' +
    'Entropy-SGD and Adam. They all fit the true spiral; they differ in how much of the label ' +
    'noise they fit on top, and in how flat the minimum they end in is. The papers’ claim is a ' +
    'correlation, not a law: across training procedures, the flatter the minimum — the lower ' +
    `the rise of the train loss under relative weight noise, δE(σ = ${CLAIM_SIGMA}) — the lower the test ` +
    'error on clean labels. The page ranks the six runs both ways and reports Spearman’s ρ and ' +
    'Kendall’s τ_b.',
  whatToLookAt: [
    `Flatness vs generalization: one dot per run, δE(${CLAIM_SIGMA}) on the loss against the final test error; ρ and τ_b under it.`,
    `Flatness: δE(σ) of the six runs — two groups of three, at least a factor of two apart at σ = ${CLAIM_SIGMA}.`,
    'Spectrum: off here, to keep the six runs live. Turned on, λmax tells the same two groups apart, but full-batch descent’s sits near the stability edge 2(1 + β)/η = 38 whatever its minimum: the verdict reads δE.',
    'Training curves: the sharp runs reach the lower train loss (they fit flipped labels) and the higher test error.',
  ],
  expected:
    `A positive rank correlation between δE(${CLAIM_SIGMA}) and the final test error: ` +
    `Spearman ρ ≥ ${MIN_SPEARMAN} over the six runs. Measured on wasm, it holds on all of seeds 1–10 (ρ min 0.31, median ` +
    '0.69, max 0.83; Kendall τ_b 0.20 / 0.47 / 0.73; ρ ≥ 0.6 on 6 of 10) and on 9 of the ' +
    'held-out seeds 11–20 (ρ 0.23 / 0.71 / 0.99, τ_b 0.14 / 0.60 / 0.97). With seed=13 it ' +
    'fails, ρ = 0.23 (τ_b = 0.14): Adam’s test error equals SAM’s (8.4%) at six times its δE, ' +
    'and SGD on batches of 128 beats batches of 32 (10.1% against 12.1%). ρ is positive on all ' +
    '20. The correlation is carried by two groups: SGD on batches of 32, SAM and Entropy-SGD ' +
    'end flatter than the other three on every seed (δE 0.03–0.12 against 0.17–1.16; 2.1–5.1× ' +
    'at the closest pair), and their mean test error is the lower on all 20 (9.5–11.2% per run ' +
    'on average, against 13.2–15.1%); within a group the order is largely seed noise. Every ' +
    'run fits the clean spiral (train error 0.12–0.24 with a fifth of the labels flipped), but ' +
    'not to one train loss: the flat runs’ is the higher (0.38–0.49 against 0.29–0.43) — they ' +
    'fit fewer flipped labels, which is what costs the sharp runs their test error. SGD on ' +
    'batches of 32 is the slowest to get there (train error 0.24 on seeds 4 and 5, two of the ' +
    'three lowest ρ of seeds 1–10).',
  narrative: [
    'Six optimizers, one budget, one set of starting weights. One training label in five is wrong.',
    'Press space: all six fit the spiral. The x axis of the curves counts gradient evaluations.',
    {
      text: 'The flatness panel: how much the train loss rises under relative noise of size σ. Three runs stay low, three rise fast.',
      after: 'flatness',
    },
    {
      text: `The scatter: each run’s δE(${CLAIM_SIGMA}) against its test error. Flatter runs sit lower — on average, not one by one.`,
      after: 'verdict',
    },
  ],
  panels: ['scatter'],
  check(doc) {
    const rows = doc.runs.map((r) => ({
      id: r.id,
      energy: localEnergy(r, CLAIM_SIGMA),
      test: last(series(r, 'testError')),
      train: last(series(r, 'trainLoss')),
    }));
    if (rows.length < 2 || !rows.every((r) => Number.isFinite(r.energy) && Number.isFinite(r.test)))
      return missing(`δE(${CLAIM_SIGMA}) and a test error for every run`);
    const { rho, tau, n } = rankCorrelation(
      rows.map((r) => r.energy),
      rows.map((r) => r.test),
    );
    const perRun = rows
      .map((r) => `${r.id} δE ${fmt(r.energy)}, test ${fmt(r.test)}, train loss ${fmt(r.train)}`)
      .join('; ');
    return {
      ok: rho >= MIN_SPEARMAN,
      detail:
        `δE(${CLAIM_SIGMA}) on the loss against the final test error: Spearman ρ = ${fmt(rho)}, ` +
        `Kendall τ_b = ${fmt(tau)}, n = ${n} (the claim: ρ ≥ ${MIN_SPEARMAN}). ${perRun}.`,
    };
  },
  spec,
};
