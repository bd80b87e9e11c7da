/**
 * What the landscape instruments measure: a model, its training loss and a fixed set of samples
 * (usually the whole training split), evaluated at arbitrary flat parameter vectors.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { LabelKind, Loss, Model, Split } from '../types';

export interface LandscapeObjective {
  readonly model: Model;
  /** Batch-mean loss of the model's outputs (the training loss: cross-entropy, Baldassi's …). */
  readonly loss: Loss;
  /** Inputs [n, din] on the backend (owned by the caller). */
  readonly x: tf.Tensor2D;
  /** Labels [n] as float32: class indices or ±1 (owned by the caller). */
  readonly y: tf.Tensor1D;
  /** How the model's outputs become predictions in batched evaluation. */
  readonly labelKind: LabelKind;
  /**
   * Set for an MLP (`makeMlp`: blocks W1, b1, W2, b2 … with this hidden activation and a linear
   * output): planes and point sets are then evaluated in batches of grid points, not one forward
   * per point. Absent: a point-by-point evaluation through `model.forward`.
   */
  readonly denseChain?: { readonly activation: 'relu' | 'tanh' };
  /**
   * The loss of G logit blocks [G, n, C] at once, [G] (e.g. `crossEntropyOfBlocks`): batched
   * evaluation then needs no per-point loss call. Absent: `loss` on each block.
   */
  readonly blockLoss?: (logits: tf.Tensor3D, labels: tf.Tensor1D) => tf.Tensor1D;
}

/** L(w) = loss(model.forward(w, x), y), a differentiable scalar closure of w [D]. */
export function objectiveLoss(objective: LandscapeObjective): (w: tf.Tensor1D) => tf.Scalar {
  return (w) => tf.tidy(() => objective.loss(objective.model.forward(w, objective.x), objective.y));
}

/** E(w) = (1/n) Σ_μ [predict(w, x_μ) ≠ y_μ] (the reported network), a scalar. */
export function objectiveError(objective: LandscapeObjective, w: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() =>
    tf.mean(tf.cast(tf.notEqual(objective.model.predict(w, objective.x), objective.y), 'float32')),
  );
}

/** Loss and error at one point. */
export interface LossAndError {
  readonly loss: number;
  readonly error: number;
}

/** (L(w), E(w)) at `w` [D] (float32 on the backend); nothing left allocated. */
export async function evaluateAt(
  objective: LandscapeObjective,
  w: ArrayLike<number>,
): Promise<LossAndError> {
  const both = tf.tidy(() => {
    const wt = tf.tensor1d(Float32Array.from(w));
    return tf.stack([objectiveLoss(objective)(wt), objectiveError(objective, wt)]);
  });
  try {
    const [loss = NaN, error = NaN] = await both.data();
    return { loss, error };
  } finally {
    both.dispose();
  }
}

/** An objective that owns its data tensors: `dispose()` frees them. */
export interface OwnedLandscapeObjective extends LandscapeObjective {
  dispose(): void;
}

/**
 * The objective of `model` under `loss` on all of `split` (uploaded once, float32).
 * Pass `denseChain` for an MLP to enable batched evaluation.
 */
export function createLandscapeObjective(options: {
  model: Model;
  loss: Loss;
  split: Split;
  labelKind: LabelKind;
  denseChain?: { activation: 'relu' | 'tanh' };
  blockLoss?: LandscapeObjective['blockLoss'];
}): OwnedLandscapeObjective {
  const { model, loss, split, labelKind, denseChain, blockLoss } = options;
  const inputDim = split.x.length / split.count;
  const x = tf.tensor2d(split.x, [split.count, inputDim]);
  const y = tf.tensor1d(Float32Array.from(split.y));
  return {
    model,
    loss,
    x,
    y,
    labelKind,
    ...(denseChain ? { denseChain } : {}),
    ...(blockLoss ? { blockLoss } : {}),
    dispose() {
      x.dispose();
      y.dispose();
    },
  };
}
