/**
 * SCIENCE.md §6.7: large batches find sharper minima (Keskar et al. 2017), SAM flatter ones
 * (Foret et al. 2021). Both on the spiral race's network, at an equal gradient budget.
 */
import { finalLambdaMax, fmt, localEnergy, missing, runOf } from '../protocol/checks';
import { completeDataset, completeSpec, type PartialSpec } from '../protocol/completeSpec';
import type { Preset } from '../protocol/preset';

// The race's network and analyses, on the clean spiral (the race itself adds label noise, which
// these comparisons of SGD with SGD do not need).
const data = completeDataset({ kind: 'spiral' });
const base = {
  dataset: data,
  budget: 400,
  analysis: { every: 50, slice: { resolution: 31 } },
} as const satisfies PartialSpec;

/** The σ of the δE both verdicts print beside λmax. */
export const SHARPNESS_SIGMA = 0.3;
const sigma = SHARPNESS_SIGMA;

export const batchPreset: Preset = {
  id: 'batch',
  title: 'Large batches find sharper minima',
  phenomenon: '§6.7',
  explanation:
    'Two SGD runs from the same weights with the same learning rate: one on minibatches of 8 ' +
    `samples, one on the whole training set (${data.train}). The noise of small batches keeps kicking the ` +
    'weights out of narrow valleys; full-batch descent settles into whatever valley it meets, and ' +
    'with a fixed learning rate η its curvature climbs towards the stability edge 2/η.',
  whatToLookAt: [
    'Spectrum: λmax of each run (and the trace).',
    'Training curves: λmax over training; both reach a low train loss.',
    'Flatness: the small-batch curve lies lower.',
  ],
  expected:
    'The full-batch run ends with a larger λmax (and local energy) than the small-batch run.',
  narrative: [
    'Same network, same learning rate; only the batch size differs.',
    'Small batches are noisy; noise is a flatness-seeking force.',
    {
      text: 'Compare λmax at the end: the quiet full-batch run sits in the sharper valley.',
      after: 'verdict',
    },
  ],
  check(doc) {
    const small = runOf(doc, 'small');
    const large = runOf(doc, 'large');
    const [ls, ll] = [finalLambdaMax(small), finalLambdaMax(large)];
    if (!Number.isFinite(ls) || !Number.isFinite(ll)) return missing('λmax for both runs');
    return {
      ok: ll > ls,
      detail: `λmax small batch ${fmt(ls)}, full batch ${fmt(ll)}; δE(${sigma}) small ${fmt(localEnergy(small, sigma))}, full ${fmt(localEnergy(large, sigma))}.`,
    };
  },
  spec: completeSpec({
    ...base,
    runs: [
      { id: 'small', label: 'batch 8', optimizer: { kind: 'sgd', lr: 0.5, batchSize: 8 } },
      {
        id: 'large',
        label: 'full batch',
        optimizer: { kind: 'sgd', lr: 0.5, batchSize: data.train },
      },
    ],
  }),
};

export const samPreset: Preset = {
  id: 'sam',
  title: 'SAM seeks flat minima',
  phenomenon: '§6.7',
  explanation:
    'Sharpness-aware minimization takes its gradient at the worst nearby point, w + ρ g/‖g‖, then ' +
    'steps from w: to first order it descends L + ρ‖∇L‖, penalizing sharp valleys. Each SAM step ' +
    'costs two gradients, so at the same gradient budget it takes half as many steps as SGD.',
  whatToLookAt: ['Spectrum: λmax of SGD vs SAM.', 'Flatness: SAM’s local-energy curve.'],
  expected:
    `SAM ends with a smaller λmax than SGD after ${base.budget} ticks (on wasm its δE(${sigma}) was ` +
    `the smaller one too, by half); the verdict prints both runs’ λmax and δE(${sigma}).`,
  narrative: [
    'SAM looks ρ ahead in the steepest direction before stepping.',
    'It pays two gradients per step — the curves’ x axis counts them.',
    { text: 'Compare the curvature of the two minima.', after: 'verdict' },
  ],
  check(doc) {
    const sgd = runOf(doc, 'sgd');
    const sam = runOf(doc, 'sam');
    const [lg, ls] = [finalLambdaMax(sgd), finalLambdaMax(sam)];
    if (!Number.isFinite(lg) || !Number.isFinite(ls)) return missing('λmax for both runs');
    return {
      ok: ls < lg,
      detail: `λmax SGD ${fmt(lg)}, SAM ${fmt(ls)}; δE(${sigma}) SGD ${fmt(localEnergy(sgd, sigma))}, SAM ${fmt(localEnergy(sam, sigma))}.`,
    };
  },
  spec: completeSpec({
    ...base,
    runs: [
      { id: 'sgd', label: 'SGD', optimizer: { kind: 'sgd', batchSize: 32, momentum: 0.9 } },
      {
        id: 'sam',
        label: 'SAM ρ = 0.1',
        optimizer: { kind: 'sam', batchSize: 32, momentum: 0.9, rho: 0.1 },
      },
    ],
  }),
};
