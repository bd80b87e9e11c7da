import * as tf from '@tensorflow/tfjs-core';
import { stopGradient } from '../autodiff/stopGradient';

/**
 * Row-wise log-softmax, written so that tfjs can differentiate it twice:
 * s = z − stopGradient(max_c z), log p = s − log Σ_c exp s. [n, C] → [n, C].
 * (`tf.logSoftmax` is a customGrad that throws on the second derivative; the shift only guards
 * against overflow and cancels exactly, so stopping its gradient changes nothing.)
 */
export function logSoftmax(z: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const s = tf.sub(z, stopGradient(tf.max(z, 1, true)));
    return tf.sub(s, tf.log(tf.sum(tf.exp(s), 1, true)));
  });
}
