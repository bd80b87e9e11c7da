import * as tf from '@tensorflow/tfjs-core';
import { stopGradient } from '../autodiff/stopGradient';
import { logSoftmax } from './logSoftmax';

/**
 * Multiclass cross-entropy L = −(1/n) Σ_μ log softmax(z_μ)_{y_μ}. `logits` [n, C], `labels` [n]
 * class indices (float32). Twice differentiable (hand-written log-softmax).
 */
export function crossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => {
    const classes = logits.shape[1];
    const target = tf.cast(tf.oneHot(tf.cast(labels, 'int32'), classes), 'float32');
    return tf.neg(tf.mean<tf.Scalar>(tf.sum(tf.mul(target, logSoftmax(logits)), 1)));
  });
}

/**
 * The same mean cross-entropy for each of G logit blocks [G, n, C] against one label vector [n]
 * at once: [G]. For evaluating many parameter points (loss slices, batched Hessian–vector
 * products), where a per-block loop of small kernels costs more than the arithmetic. Twice
 * differentiable like `logSoftmax`: the max shift is cut by `stopGradient`.
 */
export function crossEntropyOfBlocks(logits: tf.Tensor3D, labels: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    const classes = logits.shape[2];
    const shifted = tf.sub(logits, stopGradient(tf.max(logits, 2, true)));
    const logSumExp = tf.log(tf.sum(tf.exp(shifted), 2));
    const target = tf.cast(tf.oneHot(tf.cast(labels, 'int32'), classes), 'float32');
    const picked = tf.sum(tf.mul(shifted, target), 2);
    return tf.mean<tf.Tensor1D>(tf.sub(logSumExp, picked), 1);
  });
}
