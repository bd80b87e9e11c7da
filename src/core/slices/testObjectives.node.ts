/**
 * Test fixtures: small MLP objectives on seeded Gaussian mixtures, and plain full-batch gradient
 * descent to train them.
 */
import * as tf from '@tensorflow/tfjs-core';
import { makeDataset } from '../data/makeDataset';
import { crossEntropy } from '../losses/crossEntropy';
import { makeMlp } from '../models/mlp';
import { createRng } from '../random';
import type { Model } from '../types';
import {
  createLandscapeObjective,
  objectiveLoss,
  type OwnedLandscapeObjective,
} from './landscapeObjective';

export interface MixtureMlpOptions {
  classes?: number;
  dim?: number;
  count?: number;
  hidden?: number[];
  activation?: 'relu' | 'tanh';
  shift?: number;
  initScale?: number;
  seed?: number;
}

/** An MLP with cross-entropy on a C-class Gaussian mixture's training split, plus its init. */
export function mixtureMlp(options: MixtureMlpOptions = {}): {
  objective: OwnedLandscapeObjective;
  model: Model;
  init: Float32Array;
} {
  const { classes = 3, dim = 4, count = 60, hidden = [6], activation = 'relu' } = options;
  const seed = options.seed ?? 1;
  const data = makeDataset(
    {
      kind: 'gaussianMixture',
      train: count,
      test: 0,
      dim,
      classes,
      separation: 3,
      shift: options.shift ?? 1,
      labelNoise: 0,
    },
    seed,
  );
  const model = makeMlp({
    inputDim: dim,
    hidden,
    outputDim: classes,
    activation,
    initScale: options.initScale ?? 1,
    labelKind: 'class',
  });
  const objective = createLandscapeObjective({
    model,
    loss: crossEntropy,
    split: data.train,
    labelKind: 'class',
    denseChain: { activation },
  });
  return { objective, model, init: model.init(createRng(seed, 'init')) };
}

/**
 * `steps` of plain SGD w ← w − η ∇L_B(w) on minibatches of `batch` samples drawn with replacement
 * from the 'batches' stream of `seed`; returns the final weights.
 */
export async function stochasticGradientDescent(
  objective: OwnedLandscapeObjective,
  w0: Float32Array,
  options: { steps: number; learningRate: number; batch: number; seed: number },
): Promise<Float32Array> {
  const rng = createRng(options.seed, 'batches');
  const count = objective.x.shape[0];
  let w = tf.tensor1d(w0);
  for (let t = 0; t < options.steps; t++) {
    const rows = Int32Array.from({ length: options.batch }, () => rng.int(count));
    const next = tf.tidy(() => {
      const idx = tf.tensor1d(rows, 'int32');
      const xb = tf.gather(objective.x, idx);
      const yb = tf.gather(objective.y, idx);
      const loss = (u: tf.Tensor) =>
        objective.loss(objective.model.forward(u as tf.Tensor1D, xb), yb);
      return tf.sub<tf.Tensor1D>(w, tf.mul(tf.grad(loss)(w), options.learningRate));
    });
    w.dispose();
    w = next;
  }
  const out = (await w.data()) as Float32Array;
  w.dispose();
  return out;
}

/** `steps` of full-batch gradient descent w ← w − η ∇L(w) from `w0`; returns the final weights. */
export async function gradientDescent(
  objective: OwnedLandscapeObjective,
  w0: Float32Array,
  steps: number,
  learningRate: number,
): Promise<Float32Array> {
  const f = objectiveLoss(objective);
  const grad = tf.grad((w: tf.Tensor) => f(w as tf.Tensor1D));
  let w = tf.tensor1d(w0);
  for (let t = 0; t < steps; t++) {
    const next = tf.tidy(() => tf.sub<tf.Tensor1D>(w, tf.mul(grad(w), learningRate)));
    w.dispose();
    w = next;
  }
  const out = (await w.data()) as Float32Array;
  w.dispose();
  return out;
}
