import * as tf from '@tensorflow/tfjs-core';

/**
 * Squared error L = (1/n) Σ_μ ½‖z_μ − t_μ‖². `outputs` [n, C]; the target t_μ is the one-hot of
 * the class label when C > 1, the label itself (a class index or ±1) when C = 1.
 */
export function meanSquaredError(outputs: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => {
    const width = outputs.shape[1];
    const target =
      width > 1
        ? tf.cast(tf.oneHot(tf.cast(labels, 'int32'), width), 'float32')
        : tf.reshape(labels, [-1, 1]);
    return tf.mul(0.5, tf.mean(tf.sum(tf.square(tf.sub(outputs, target)), 1)));
  });
}
