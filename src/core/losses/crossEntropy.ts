import * as tf from '@tensorflow/tfjs-core';
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
