/**
 * The wasm BatchMatMul gradient gives tfjs's numbers, first and second order, for every
 * transpose combination (it only changes how the products are laid out).
 */
import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { describeEachBackend } from '../../testing/backends.node';
import { relativeError } from '../testing/denseHessian';
import { hessianVectorProduct } from './hessianVectorProduct';

describeEachBackend('BatchMatMul gradient', () => {
  it('matches the analytic gradient of Σ sin(op(A)·op(B)) for all transposes', () => {
    const a = tf.tensor2d([
      [0.3, -1.2, 0.5],
      [0.9, 0.1, -0.4],
    ]);
    const b = tf.tensor2d([
      [1.1, -0.2],
      [0.4, 0.7],
      [-0.6, 0.25],
    ]);
    for (const [ta, tb] of [
      [false, false],
      [true, false],
      [false, true],
      [true, true],
    ] as const) {
      const A = ta ? tf.transpose(a) : a;
      const B = tb ? tf.transpose(b) : b;
      const [ga, gb] = tf.grads((x: tf.Tensor, y: tf.Tensor) =>
        tf.sum(tf.sin(tf.matMul(x, y, ta, tb))),
      )([A, B]);
      // d/dA Σ sin(AB) = cos(AB)·Bᵀ (in A's own layout), likewise for B.
      const c = tf.cos(tf.matMul(a, b));
      const ea = tf.matMul(c, b, false, true);
      const eb = tf.matMul(a, c, true, false);
      expect(relativeError(ga!.dataSync(), (ta ? tf.transpose(ea) : ea).dataSync())).toBeLessThan(
        1e-5,
      );
      expect(relativeError(gb!.dataSync(), (tb ? tf.transpose(eb) : eb).dataSync())).toBeLessThan(
        1e-5,
      );
    }
  });

  it('is twice differentiable: the HVP of a bilinear-tanh objective matches central differences of the gradient', () => {
    const x = tf.tensor2d([
      [0.5, -0.3],
      [0.2, 0.8],
      [-0.7, 0.1],
    ]);
    const f = (w: tf.Tensor1D): tf.Scalar => tf.sum(tf.tanh(tf.matMul(x, tf.reshape(w, [2, 2]))));
    const w = tf.tensor1d([0.4, -0.9, 0.3, 0.6]);
    const v = tf.tensor1d([1, 0.5, -0.25, 2]);
    const hv = hessianVectorProduct(f, w, v).dataSync();
    const g = (p: tf.Tensor1D) =>
      tf
        .grad((u: tf.Tensor) => f(u as tf.Tensor1D))(p)
        .dataSync();
    const h = 1e-2;
    const plus = g(tf.add(w, tf.mul(v, h)));
    const minus = g(tf.sub(w, tf.mul(v, h)));
    const fd = Array.from(plus, (p, i) => (p - (minus[i] ?? 0)) / (2 * h));
    expect(relativeError(hv, fd)).toBeLessThan(2e-3);
  });
});
