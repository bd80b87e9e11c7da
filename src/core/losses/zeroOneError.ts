import * as tf from '@tensorflow/tfjs-core';
import type { Model } from '../types';

/**
 * The error loss E = (1/n) Σ_μ [predict(x_μ) ≠ y_μ], through `model.predict` (the sign network for
 * committees). Piecewise constant: for reporting and flatness measures, never differentiated.
 * `x` [n, din], `labels` [n] float32 class indices or ±1.
 */
export function zeroOneError(
  model: Model,
  w: tf.Tensor1D,
  x: tf.Tensor2D,
  labels: tf.Tensor1D,
): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.cast(tf.notEqual(model.predict(w, x), labels), 'float32')));
}
