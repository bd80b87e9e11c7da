import * as tf from '@tensorflow/tfjs-core';

/**
 * k Hessian–vector products through one double back-propagation. `rowLosses` maps a [k, D]
 * matrix of parameter vectors to their k losses [k], row g's loss depending on row g alone
 * (e.g. a batched forward over a leading grid axis). With W = 1_k wᵀ (w replicated k times),
 * F(W) = Σ_g L(W_g) and G = ∇_W F, every row of G is ∇L(w), so
 *   ∇_W Σ_{g,i} G_gi V_gi  has rows  H(w) v_g,   H = ∇²L(w).
 * Exact up to float32 rounding, like `hessianVectorProduct` (install the second-order fix first).
 * `w`: [D]; `v`: [k, D], one vector per row. Returns a new [k, D] tensor; nothing else is left.
 */
export function batchedHessianVectorProducts(
  rowLosses: (w: tf.Tensor2D) => tf.Tensor1D,
  w: tf.Tensor1D,
  v: tf.Tensor2D,
): tf.Tensor2D {
  return tf.tidy(() => {
    const k = v.shape[0];
    const replicated = tf.tile(tf.expandDims(w, 0), [k, 1]) as tf.Tensor2D;
    const gradient = tf.grad((u: tf.Tensor) => tf.sum(rowLosses(u as tf.Tensor2D)));
    // As in `hessianVectorProduct`: the 0·Σu term keeps u on the outer tape when ∇F does not
    // depend on it.
    const directional = (u: tf.Tensor): tf.Scalar =>
      tf.add(tf.sum(tf.mul(gradient(u), v)), tf.mul(0, tf.sum(u)));
    return tf.grad(directional)(replicated) as tf.Tensor2D;
  });
}
