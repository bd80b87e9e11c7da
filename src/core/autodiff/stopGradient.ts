import * as tf from '@tensorflow/tfjs-core';

/**
 * The identity in the forward pass with a zero derivative of every order: ∂ stopGradient(x)/∂x = 0.
 * tfjs 4.22 has no `tf.stopGradient`; this is a `customGrad` whose backward pass returns a fresh
 * zero tensor, so it contributes nothing on first- or second-order (nested) tapes.
 */
export function stopGradient<T extends tf.Tensor>(x: T): T {
  return stopGradientOp(x) as T;
}

const stopGradientOp = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const x = args[0] as tf.Tensor;
  // A reshape to the same shape shares the data and, inside a custom op, records no tape node
  // (a `clone` would record one and leak the gradient back in).
  return {
    value: tf.reshape(x, x.shape),
    gradFunc: () => tf.zeros(x.shape),
  };
});
