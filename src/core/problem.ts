/**
 * The bridge from data, model and loss to what optimizers consume (`TrainingProblem`), and the
 * full-split evaluation every chart reports.
 */
import * as tf from '@tensorflow/tfjs-core';
import { batchFromSplit } from './data/batchFromSplit';
import { gatherRows } from './data/split';
import { crossEntropy } from './losses/crossEntropy';
import { denseChainGradient } from './optimizers/denseChainGradient';
import { denseChainLayers } from './slices/denseChainBatch';
import { createRng, randomPermutation } from './random';
import type { Batch, Loss, Model, Rng, Split, TrainingProblem } from './types';

export interface TrainingProblemOptions {
  readonly model: Model;
  readonly loss: Loss;
  readonly train: Split;
  readonly seed: number;
  /** Run k of a multi-seed comparison: its own minibatch order. Default 0. */
  readonly runIndex?: number;
  /** Replica a (Replicated-SGD): its own minibatch order within run k. */
  readonly replica?: number;
  /** Samples already drawn (a resumed run): the stream continues where it left off. */
  readonly skipSamples?: number;
  /**
   * Set for an MLP (`makeMlp`) with this hidden activation: under cross-entropy its minibatch
   * gradient is then back-propagated by hand (`denseChainGradient`, the same numbers as the tape).
   */
  readonly denseChain?: { readonly activation: 'relu' | 'tanh' };
}

/** A `TrainingProblem` that also exposes what it was built from. */
export interface ModelTrainingProblem extends TrainingProblem {
  readonly model: Model;
  readonly lossFn: Loss;
  readonly train: Split;
  /** Samples handed out so far (÷ train.count = epochs). */
  readonly samplesDrawn: number;
}

/** Shuffled epochs: a fresh permutation of 0..count−1 each time the previous one runs out. */
class EpochSampler {
  private order: Int32Array;
  private position = 0;
  drawn = 0;

  constructor(
    private readonly rng: Rng,
    private readonly count: number,
  ) {
    this.order = randomPermutation(rng, count);
  }

  next(size: number): Int32Array {
    const out = new Int32Array(size);
    for (let k = 0; k < size; k++) {
      if (this.position === this.count) {
        this.order = randomPermutation(this.rng, this.count);
        this.position = 0;
      }
      out[k] = this.order[this.position++] ?? 0;
    }
    this.drawn += size;
    return out;
  }
}

/**
 * Minibatch training of `model` under `loss` on `train`: loss(w, batch) = loss(model.forward(w, x), y);
 * nextBatch(B) walks shuffled epochs drawn from the 'batches' stream of (seed, runIndex[, replica]),
 * a batch straddling two epochs when B does not divide P; with `denseChain` (an MLP under
 * cross-entropy) a hand-written `gradient`. Holds no tensors.
 */
export function makeTrainingProblem(opts: TrainingProblemOptions): ModelTrainingProblem {
  const { model, loss, train } = opts;
  if (train.count === 0) throw new Error('cannot train on an empty split');
  const inputDim = train.x.length / train.count;
  const indices =
    opts.replica === undefined ? [opts.runIndex ?? 0] : [opts.runIndex ?? 0, opts.replica];
  const sampler = new EpochSampler(createRng(opts.seed, 'batches', ...indices), train.count);
  if (opts.skipSamples) sampler.next(opts.skipSamples);
  const problem: ModelTrainingProblem = {
    paramCount: model.paramCount,
    model,
    lossFn: loss,
    train,
    get samplesDrawn() {
      return sampler.drawn;
    },
    loss: (w: tf.Tensor1D, batch: Batch): tf.Scalar =>
      tf.tidy(() => loss(model.forward(w, batch.x), batch.y)),
    nextBatch(size: number): Batch {
      if (!(size >= 1)) throw new RangeError(`batch size must be ≥ 1, got ${size}`);
      return batchFromSplit(gatherRows(train, inputDim, sampler.next(size)), inputDim);
    },
  };
  const chain = opts.denseChain;
  if (chain && loss === crossEntropy && denseChainLayers(model.layout)) {
    Object.assign(problem, {
      gradient: (w: tf.Tensor1D, batch: Batch): tf.Tensor1D =>
        denseChainGradient(model.layout, chain.activation, w, batch),
    });
  }
  if (model.project) {
    const project = model.project.bind(model);
    return Object.assign(problem, { project });
  }
  return problem;
}

/** Mean loss and error of `w` on a whole split. */
export interface Evaluation {
  readonly loss: number;
  readonly error: number;
}

/**
 * Loss L and error fraction E of `w` [D] on all of `split`, in chunks of `chunkSize` rows (each
 * chunk in one tidy, read back with async `data()` so it works on WebGPU/WebGL). NaN for an
 * empty split.
 */
export async function evaluate(
  model: Model,
  loss: Loss,
  split: Split,
  w: tf.Tensor1D,
  chunkSize = 2048,
): Promise<Evaluation> {
  if (split.count === 0) return { loss: NaN, error: NaN };
  const inputDim = split.x.length / split.count;
  let lossSum = 0;
  let errorSum = 0;
  for (let from = 0; from < split.count; from += chunkSize) {
    const to = Math.min(split.count, from + chunkSize);
    const sums = tf.tidy(() => {
      const { x, y } = batchFromSplit(split, inputDim, from, to);
      const outputs = model.forward(w, x);
      const l = loss(outputs, y);
      const predicted = model.predictFromOutputs
        ? model.predictFromOutputs(outputs)
        : model.predict(w, x);
      const wrong = tf.sum(tf.cast(tf.notEqual(predicted, y), 'float32'));
      return tf.stack([tf.mul(l, to - from), wrong]);
    });
    try {
      const [l = NaN, e = NaN] = await sums.data();
      lossSum += l;
      errorSum += e;
    } finally {
      sums.dispose();
    }
  }
  return { loss: lossSum / split.count, error: errorSum / split.count };
}
