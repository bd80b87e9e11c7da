/** SCIENCE.md §6.8 (Dinh et al. 2017): ReLU rescaling changes λmax, not the function. */
import { finalLambdaMax, fmt, last, localEnergy, missing, runOf, series } from '../protocol/checks';
import { completeSpec } from '../protocol/completeSpec';
import type { Preset } from '../protocol/preset';

/** The copy scales layer 1 by this and layer 2 by its inverse. */
const FACTOR = 5;
/** The σ of the multiplicative δE the verdict compares. */
export const RESCALING_SIGMA = 0.1;
/** The copy's train loss and δE must equal SGD's to this relative difference… */
export const SAME_TO = 1e-3;
/** …and its λmax be more than this many times SGD's. */
export const MIN_LAMBDA_RATIO = 2;

/** The trained run's optimizer (the copy's is its source's). */
const SGD = { kind: 'sgd', batchSize: 32, momentum: 0.9 } as const;

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
    'Training curves: the copy’s loss and error lie exactly on SGD’s — it is the same function.',
    'Spectrum: the copy’s λmax, several times SGD’s.',
    'Flatness curves and the local slices: the same for both, since they rescale with the weights.',
  ],
  expected:
    `The copy (layer 1 × ${FACTOR}, layer 2 × 1/${FACTOR}) has the same training loss and the same ` +
    `multiplicative δE(${RESCALING_SIGMA}) as SGD to within ${100 * SAME_TO}% and a λmax more than ` +
    `${MIN_LAMBDA_RATIO} times larger (the verdict); measured, 4–12 times: on wasm after 1,500 ` +
    'steps, 0.054 vs ' +
    '0.27, 0.064 vs 0.36 and 0.047 vs 0.58 on seeds 2, 3 and 4.',
  narrative: [
    `Train a small ReLU network on the two moons; a second run is a copy of it with layer 1 × ${FACTOR} and layer 2 × 1/${FACTOR}.`,
    'The copy’s curves lie on top of SGD’s: the decision boundary does not move.',
    {
      text: 'λmax grows several-fold; the filter-normalized slices and δE(σ) do not change.',
      after: 'flatness',
    },
    'The “Rescaling” tab under More experiments tries other factors, and shows how the additive δE changes.',
  ],
  check(doc) {
    const run = runOf(doc, 'sgd');
    const copy = runOf(doc, 'big');
    const [e1, e2] = [localEnergy(run, RESCALING_SIGMA), localEnergy(copy, RESCALING_SIGMA)];
    const [l1, l2] = [finalLambdaMax(run), finalLambdaMax(copy)];
    const [loss1, loss2] = [last(series(run, 'trainLoss')), last(series(copy, 'trainLoss'))];
    if (![e1, e2, l1, l2].every(Number.isFinite)) return missing('spectrum or flatness');
    const same = (a: number, b: number) => Math.abs(a - b) <= SAME_TO * Math.max(Math.abs(a), 1e-6);
    return {
      ok: same(loss1, loss2) && same(e1, e2) && l2 > MIN_LAMBDA_RATIO * l1,
      detail: `train loss ${fmt(loss1)} vs ${fmt(loss2)}; δE(${RESCALING_SIGMA}) ${fmt(e1)} vs ${fmt(e2)}; λmax ${fmt(l1)} vs ${fmt(l2)}.`,
    };
  },
  spec: completeSpec({
    seed: 2,
    dataset: { kind: 'moons', train: 300, test: 300 },
    model: { kind: 'mlp', hidden: [16, 16] },
    runs: [
      { id: 'sgd', label: 'SGD', optimizer: SGD },
      {
        id: 'big',
        label: `SGD, layer 1 × ${FACTOR}`,
        optimizer: SGD,
        copy: { of: 'sgd', layer: 1, factor: FACTOR },
      },
    ],
    budget: 300,
    analysis: {
      every: 50,
      spectrum: 'exact',
      slice: { plane: 'random', resolution: 31 },
      flatness: { tolerance: 0 },
    },
  }),
};
