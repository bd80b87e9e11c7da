/**
 * The minibatch gradient of an MLP's mean softmax cross-entropy, written out as back-propagation
 * instead of recorded by tfjs's tape: the same kernels in the same order as `tf.grad` runs them
 * (with the second-order fix installed), so the same float32 numbers, in about half the kernel
 * launches — on tiny models a training step costs its kernel launches, not its arithmetic.
 */
import * as tf from '@tensorflow/tfjs-core';
import { product } from '../autodiff/matMulGradient';
import { blockOf, denseChainLayers } from '../slices/denseChainBatch';
import type { Batch, ParamBlock } from '../types';

/**
 * g = ∇_w L_B(w) for L_B(w) = −(1/n) Σ_μ log softmax(z_L(x_μ; w))_{y_μ}, the MLP
 * z_l = h_{l−1} W_l + b_l, h_l = φ(z_l), h_0 = x (linear output). With p = softmax(z_L) and Y the
 * one-hot labels, δ_L = (p − Y)/n, formed as tfjs's tape forms it: −Y/n + (1/n)/Σ_c e^s ⊙ e^s with
 * s = z_L − max_c z_L; then (∇L)_{W_l} = h_{l−1}ᵀ δ_l, (∇L)_{b_l} = Σ_μ δ_l,
 * δ_{l−1} = δ_l W_lᵀ ⊙ φ′(z_{l−1}) (ReLU: step(z); tanh: 1 − tanh²z).
 * `layout` must be a dense chain (`denseChainLayers`), `batch.y` class indices. [D]; call in a tidy.
 */
export function denseChainGradient(
  layout: readonly ParamBlock[],
  activation: 'relu' | 'tanh',
  w: tf.Tensor1D,
  batch: Batch,
): tf.Tensor1D {
  const layers = denseChainLayers(layout);
  if (!layers) throw new Error('denseChainGradient: the layout is not a dense chain');
  const last = layers.length - 1;
  const weights = layers.map(({ weight }) => blockOf(w, weight) as tf.Tensor2D);
  const z: tf.Tensor2D[] = [];
  const h: tf.Tensor2D[] = [batch.x];
  for (const [l, { bias }] of layers.entries()) {
    z.push(tf.add(tf.matMul(h[l]!, weights[l]!), blockOf(w, bias)));
    if (l < last) h.push(activation === 'relu' ? tf.relu(z[l]!) : tf.tanh(z[l]!));
  }
  const logits = z[last]!;
  const n = logits.shape[0];
  const classes = logits.shape[1];
  const target = tf.cast(tf.oneHot(tf.cast(batch.y, 'int32'), classes), 'float32');
  const s = tf.sub(logits, tf.max(logits, 1, true));
  const e = tf.exp(s);
  // d/d log-softmax of −mean(Σ_c Y log p): −Y/n (the mean's 1/n as a float32 division, as the tape).
  const direct = tf.mul(tf.div(tf.scalar(-1), n), target);
  const perRow = tf.div(tf.neg(tf.sum(direct, 1, true)), tf.sum(e, 1, true));
  let delta: tf.Tensor2D = tf.add(direct, tf.mul(perRow, e));
  const blocks: tf.Tensor[] = new Array<tf.Tensor>(2 * layers.length);
  for (let l = last; l >= 0; l--) {
    blocks[2 * l] = tf.reshape(product(h[l]!, delta, true, false), [-1]);
    blocks[2 * l + 1] = tf.sum(delta, 0);
    if (l === 0) break;
    const back = product(delta, weights[l]!, false, true) as tf.Tensor2D;
    const below = z[l - 1]!;
    delta =
      activation === 'relu'
        ? tf.mul(back, tf.cast(tf.step(below), 'float32'))
        : tf.mul(back, tf.sub(1, tf.square(tf.tanh(below))));
  }
  return tf.concat(blocks) as tf.Tensor1D;
}
