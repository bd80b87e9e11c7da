import * as tf from '@tensorflow/tfjs-core';

/**
 * The Hessian–vector product `H(w)·v = ∇_w (∇f(w) · v)` by double back-propagation (exact up to
 * float32 rounding; cost ≈ 2–4 gradients). `f` maps a flat parameter vector [D] to a scalar and
 * must be twice differentiable under tfjs: call `installSecondOrderGradients()` once first.
 * `w`, `v`: [D]. Returns a new [D] tensor the caller disposes; nothing else is left allocated.
 */
export function hessianVectorProduct(
  f: (w: tf.Tensor1D) => tf.Scalar,
  w: tf.Tensor1D,
  v: tf.Tensor1D,
): tf.Tensor1D {
  return tf.tidy(() => {
    const gradient = tf.grad((u: tf.Tensor) => f(u as tf.Tensor1D));
    // The 0·Σu term keeps w on the outer tape when ∇f does not depend on w (f linear, or cut by
    // stopGradient): tfjs would throw instead of returning H·v = 0.
    const directional = (u: tf.Tensor): tf.Scalar =>
      tf.add(tf.sum(tf.mul(gradient(u), v)), tf.mul(0, tf.sum(u)));
    return tf.grad(directional)(w) as tf.Tensor1D;
  });
}
