import * as tf from '@tensorflow/tfjs-core';
import { afterAll, expect, it } from 'vitest';
import { describeEachBackend } from '../../testing/backends.node';
import { crossEntropy } from '../losses/crossEntropy';
import { makeModel } from '../models/makeModel';
import { createRng } from '../random';
import { denseHessian, relativeError } from '../testing/denseHessian';
import { randomVector, smallMixture, trainTensors } from '../testing/fixtures';
import { referenceHessianVectorProduct } from '../testing/mlpReference';
import { softmaxRegressionHessian } from './softmaxRegressionHessian';
import { hessianVectorProduct } from './hessianVectorProduct';
import {
  installSecondOrderGradients,
  SECOND_ORDER_KERNELS,
  secondOrderGradientsInstalled,
} from './secondOrderGradients';
import { stopGradient } from './stopGradient';

const measured: string[] = [];
afterAll(() => console.info(`HVP accuracy:\n  ${measured.join('\n  ')}`));

/** H·v of `f` at `w` as float64 numbers; checks that no tensor is left behind. */
function hvp(f: (w: tf.Tensor1D) => tf.Scalar, w: Float32Array, v: Float32Array): Float64Array {
  const wt = tf.tensor1d(w);
  const vt = tf.tensor1d(v);
  const before = tf.memory().numTensors;
  const hv = hessianVectorProduct(f, wt, vt);
  expect(tf.memory().numTensors).toBe(before + 1);
  const out = Float64Array.from(hv.dataSync());
  tf.dispose([hv, wt, vt]);
  return out;
}

describeEachBackend('hessianVectorProduct', (backend) => {
  it('gives the closed-form softmax-regression Hessian, column by column', () => {
    const d = smallMixture(1);
    const model = makeModel({ kind: 'softmaxRegression', initScale: 1 }, d);
    const w0 = model.init(createRng(1, 'init'));
    const { x, y } = trainTensors(d);
    const w = tf.tensor1d(w0);
    const f = (u: tf.Tensor1D): tf.Scalar => crossEntropy(model.forward(u, x), y);
    const before = tf.memory().numTensors;
    const h = denseHessian(f, w);
    expect(tf.memory().numTensors).toBe(before);
    const oracle = softmaxRegressionHessian(w0, d.train.x, d.train.count, d.inputDim, d.classes);
    const error = relativeError(h, oracle);
    measured.push(
      `[${backend}] softmax regression, D=${model.paramCount}: full Hessian rel. error ${error.toExponential(2)}`,
    );
    expect(error).toBeLessThan(1e-4);
    tf.dispose([x, y, w]);
  });

  it.each(['relu', 'tanh'] as const)('matches a float64 reference on a %s MLP', (activation) => {
    const d = smallMixture(2, 4, 3, 30);
    const model = makeModel({ kind: 'mlp', hidden: [6, 5], activation, initScale: 1 }, d);
    const w0 = model.init(createRng(2, 'init'));
    const { x, y } = trainTensors(d);
    const f = (u: tf.Tensor1D): tf.Scalar => crossEntropy(model.forward(u, x), y);
    const net = { widths: [4, 6, 5, 3], activation };
    let worst = 0;
    for (let k = 0; k < 3; k++) {
      const v = randomVector(model.paramCount, 10 + k);
      const got = hvp(f, w0, v);
      const want = referenceHessianVectorProduct(net, w0, v, d.train.x, d.train.y, d.train.count);
      worst = Math.max(worst, relativeError(got, want));
    }
    measured.push(
      `[${backend}] ${activation} MLP 4-6-5-3, D=${model.paramCount}: HVP rel. error ${worst.toExponential(2)}`,
    );
    expect(worst).toBeLessThan(1e-4);
    tf.dispose([x, y]);
  });

  it('differentiates tanh, sigmoid, exp and softmax twice correctly', () => {
    const z = [-1.3, -0.2, 0.4, 1.1];
    const v = [0.5, -1, 2, 0.25];
    const diag = (f: (t: number) => number) => z.map((t, i) => f(t) * (v[i] ?? 0));
    const sig = (t: number) => 1 / (1 + Math.exp(-t));
    const cases: [string, (u: tf.Tensor1D) => tf.Scalar, number[]][] = [
      ['tanh', (u) => tf.sum(tf.tanh(u)), diag((t) => -2 * Math.tanh(t) * (1 - Math.tanh(t) ** 2))],
      [
        'sigmoid',
        (u) => tf.sum(tf.sigmoid(u)),
        diag((t) => sig(t) * (1 - sig(t)) * (1 - 2 * sig(t))),
      ],
      ['exp', (u) => tf.sum(tf.exp(u)), diag(Math.exp)],
    ];
    // f(z) = c·softmax(z): ∇f = p ⊙ (c − p·c); H·v by float64 central differences of ∇f.
    const c = [1, -2, 0.5, 3];
    const grad = (zz: number[]) => {
      const e = zz.map(Math.exp);
      const s = e.reduce((a, b) => a + b, 0);
      const p = e.map((t) => t / s);
      const pc = p.reduce((a, t, i) => a + t * (c[i] ?? 0), 0);
      return p.map((t, i) => t * ((c[i] ?? 0) - pc));
    };
    const eps = 1e-6;
    const gp = grad(z.map((t, i) => t + eps * (v[i] ?? 0)));
    const gm = grad(z.map((t, i) => t - eps * (v[i] ?? 0)));
    cases.push([
      'softmax',
      (u) => tf.sum(tf.mul(tf.softmax(u), tf.tensor1d(c))),
      gp.map((t, i) => (t - (gm[i] ?? 0)) / (2 * eps)),
    ]);
    for (const [name, f, want] of cases) {
      const got = hvp(f, Float32Array.from(z), Float32Array.from(v));
      expect(relativeError(got, want), name).toBeLessThan(1e-5);
    }
  });

  it('passes second derivatives through comparison kernels (clip, relu6, maximum)', () => {
    const z = Float32Array.from([-2, -0.5, 0.5, 3, 7]);
    const v = Float32Array.from([1, 1, 1, 1, 1]);
    const clip = hvp((u) => tf.sum(tf.square(tf.clipByValue(u, -1, 1))), z, v);
    expect([...clip]).toEqual([0, 2, 2, 0, 0]);
    const relu6 = hvp((u) => tf.sum(tf.square(tf.relu6(u))), z, v);
    expect([...relu6]).toEqual([0, 0, 2, 2, 0]);
    const maximum = hvp((u) => tf.sum(tf.square(tf.maximum(u, 0))), z, v);
    expect([...maximum]).toEqual([0, 0, 2, 2, 2]);
  });

  it('stopGradient is the identity with zero first and second derivatives', () => {
    const z = Float32Array.from([0.3, -1.2, 2]);
    const v = Float32Array.from([1, 2, 3]);
    const t = tf.tensor1d(z);
    const s = stopGradient(t);
    expect([...s.dataSync()]).toEqual([...t.dataSync()]);
    // f = Σ z·stop(z): ∇f = stop(z) = z (first order), and H = 0 (stop(z) is a constant).
    const g = tf.grad((u: tf.Tensor) => tf.sum(tf.mul(u, stopGradient(u))))(t);
    expect(relativeError(g.dataSync(), z)).toBeLessThan(1e-7);
    expect([...hvp((u) => tf.sum(tf.mul(u, stopGradient(u))), z, v)]).toEqual([0, 0, 0]);
    expect([...hvp((u) => tf.sum(tf.square(stopGradient(u))), z, v)]).toEqual([0, 0, 0]);
    tf.dispose([t, s, g]);
  });

  it('the fix is installed, global to every backend, and idempotent', () => {
    expect(secondOrderGradientsInstalled()).toBe(true);
    const configs = SECOND_ORDER_KERNELS.map((k) => tf.getGradient(k));
    installSecondOrderGradients();
    expect(SECOND_ORDER_KERNELS.map((k) => tf.getGradient(k))).toEqual(configs);
  });
});
