import * as tf from '@tensorflow/tfjs-core';

/**
 * Baldassi's cross-entropy for ±1 outputs, ℓ_γ(x) = softplus(−2γx)/(2γ), averaged over the batch,
 * on the stabilities x_μ = y_μ·h_μ. `fields` [n, 1] is the model's field h (the perceptron and the
 * committee already divide by ‖w‖ — or by √N for a 'raw' field, where the effective γ becomes
 * γ‖w‖/√N), `labels` [n] ±1. γ → ∞ gives the zero-margin hinge max(0, −x).
 */
export function baldassiLoss(fields: tf.Tensor2D, labels: tf.Tensor1D, gamma: number): tf.Scalar {
  return tf.tidy(() => {
    const stability = tf.mul(tf.reshape(fields, [-1]), labels);
    return tf.div(tf.mean(tf.softplus(tf.mul(-2 * gamma, stability))), 2 * gamma);
  });
}
