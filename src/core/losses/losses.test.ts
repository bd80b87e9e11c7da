import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { describeEachBackend } from '../../testing/backends.node';
import { hessianVectorProduct } from '../autodiff/hessianVectorProduct';
import { baldassiLoss } from './baldassiLoss';
import { crossEntropy } from './crossEntropy';
import { logSoftmax } from './logSoftmax';
import { makeLoss } from './makeLoss';
import { meanSquaredError } from './meanSquaredError';

const value = (t: tf.Tensor): number => {
  const v = t.dataSync()[0] ?? NaN;
  t.dispose();
  return v;
};

describeEachBackend('losses', () => {
  it('cross-entropy: hand values, and stable for huge logits', () => {
    const z = tf.tensor2d([
      [1, 2, 3],
      [1000, 0, -1000],
    ]);
    // −log softmax(1, 2, 3)₂ = log(1 + e⁻¹ + e⁻²); −log softmax(1000, 0, −1000)₁ = 1000.
    const l = value(crossEntropy(z, tf.tensor1d([2, 1])));
    expect(l).toBeCloseTo((Math.log(1 + Math.exp(-1) + Math.exp(-2)) + 1000) / 2, 3);
    const lp = logSoftmax(z);
    expect(lp.dataSync().every(Number.isFinite)).toBe(true);
    expect(lp.dataSync()[3]).toBeCloseTo(0, 6);
    tf.dispose([z, lp]);
  });

  it('cross-entropy gradient is (p − onehot)/n', () => {
    const z = tf.tensor2d([[0.5, -1, 2]]);
    const y = tf.tensor1d([0]);
    const g = tf.grad((u: tf.Tensor) => crossEntropy(u as tf.Tensor2D, y))(z);
    const e = [0.5, -1, 2].map(Math.exp);
    const s = e.reduce((a, b) => a + b, 0);
    const want = e.map((v, c) => v / s - (c === 0 ? 1 : 0));
    Array.from(g.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(want[i] ?? NaN, 6));
    tf.dispose([z, y, g]);
  });

  it('mean squared error: ½‖z − t‖² per sample, one-hot targets for C > 1', () => {
    const z = tf.tensor2d([
      [1, 0],
      [0.5, 0.5],
    ]);
    // Targets (1, 0) and (0, 1): ½·0 and ½·(0.25 + 0.25), mean 0.125.
    expect(value(meanSquaredError(z, tf.tensor1d([0, 1])))).toBeCloseTo(0.125, 6);
    const single = tf.tensor2d([[0.5], [-2]]);
    // Targets ±1: ½·0.25 and ½·1, mean 0.3125.
    expect(value(meanSquaredError(single, tf.tensor1d([1, -1])))).toBeCloseTo(0.3125, 6);
    tf.dispose([z, single]);
  });

  it("Baldassi's ℓ_γ: softplus(−2γx)/(2γ) on x = y·h, the hinge as γ → ∞", () => {
    const h = tf.tensor2d([[0.5], [-0.2], [1.5]]);
    const y = tf.tensor1d([1, 1, -1]);
    const x = [0.5, -0.2, -1.5];
    const lg = (gamma: number) =>
      x.reduce((s, v) => s + Math.log1p(Math.exp(-2 * gamma * v)) / (2 * gamma), 0) / 3;
    expect(value(baldassiLoss(h, y, 2))).toBeCloseTo(lg(2), 6);
    expect(value(baldassiLoss(h, y, 500))).toBeCloseTo((0 + 0.2 + 1.5) / 3, 3);
    tf.dispose([h, y]);
  });

  it('makeLoss refuses mismatched labels and γ ≤ 0', () => {
    expect(() => makeLoss({ kind: 'crossEntropy' }, 'sign')).toThrow();
    expect(() => makeLoss({ kind: 'baldassi', gamma: 1 }, 'class')).toThrow();
    expect(() => makeLoss({ kind: 'baldassi', gamma: 0 })).toThrow();
    expect(makeLoss({ kind: 'mse' }, 'sign')).toBe(meanSquaredError);
  });

  it('leak no tensors, through first and second derivatives', () => {
    const w = tf.tensor1d([0.3, -0.7, 1.1, 0.2, -0.4, 0.9]);
    const v = tf.tensor1d([1, 0, -1, 2, 0.5, -0.5]);
    const y = tf.tensor1d([2, 0]);
    const ys = tf.tensor1d([1, -1]);
    const before = tf.memory().numTensors;
    for (const f of [
      (u: tf.Tensor1D) => crossEntropy(tf.reshape(u, [2, 3]), y),
      (u: tf.Tensor1D) => meanSquaredError(tf.reshape(u, [2, 3]), y),
      (u: tf.Tensor1D) => baldassiLoss(tf.reshape(tf.slice(u, 0, 2), [2, 1]), ys, 3),
    ]) {
      tf.dispose([tf.tidy(() => f(w)), tf.grad((u: tf.Tensor) => f(u as tf.Tensor1D))(w)]);
      tf.dispose(hessianVectorProduct(f, w, v));
    }
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([w, v, y, ys]);
  });
});
