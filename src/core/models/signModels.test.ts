import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { describeEachBackend } from '../../testing/backends.node';
import { hessianVectorProduct } from '../autodiff/hessianVectorProduct';
import { makeDataset } from '../data/makeDataset';
import { makeLoss } from '../losses/makeLoss';
import { zeroOneError } from '../losses/zeroOneError';
import { createRng } from '../random';
import { relativeError } from '../testing/denseHessian';
import { makeModel } from './makeModel';
import { defaultModelSpec } from './modelSpec';

const signs = (inputDim: number) => ({ inputDim, classes: 2, labelKind: 'sign' }) as const;
const norm2 = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v * v, 0);

describeEachBackend('perceptron', () => {
  it('starts on the sphere and project restores ‖w‖² = N', () => {
    const n = 101;
    const model = makeModel(defaultModelSpec('perceptron'), signs(n));
    const w0 = model.init(createRng(1, 'init'));
    expect(norm2(w0)).toBeCloseTo(n, 3);
    expect(typeof model.project).toBe('function');
    const off = tf.tensor1d(w0.map((v, i) => 3.7 * v + (i % 3)));
    const before = tf.memory().numTensors;
    const on = model.project?.(off);
    expect(tf.memory().numTensors).toBe(before + 1);
    expect(norm2(on?.dataSync() ?? [])).toBeCloseTo(n, 2);
    // Same direction: the projection only rescales.
    const ratio = (on?.dataSync()[5] ?? 0) / (off.dataSync()[5] ?? 1);
    expect((on?.dataSync()[7] ?? 0) / (off.dataSync()[7] ?? 1)).toBeCloseTo(ratio, 5);
    tf.dispose([off, on]);
    const free = makeModel({ ...defaultModelSpec('perceptron'), norm: 'free' }, signs(n));
    expect(typeof free.project).toBe('undefined');
  });

  it('predicts sign(w·x), counts errors, and gives normalized or raw fields', () => {
    const spec = defaultModelSpec('perceptron');
    const model = makeModel(spec, signs(4));
    const w = tf.tensor1d([1, -1, 2, 0]); // ‖w‖ = √6
    const x = tf.tensor2d([
      [1, 1, 1, 1], // w·x = 2
      [1, 1, -1, 1], // −2
      [-1, 1, 1, -1], // 0: a tie, predicted 0
      [1, -1, -1, 1], // 0
    ]);
    expect([...model.predict(w, x).dataSync()]).toEqual([1, -1, 0, 0]);
    const labels = tf.tensor1d([1, 1, 1, -1]);
    // Wrong: sample 2 (label +1, predicted −1) and both ties.
    expect(zeroOneError(model, w, x, labels).dataSync()[0]).toBeCloseTo(3 / 4, 6);
    const normalized = model.forward(w, x).dataSync();
    expect(normalized[0]).toBeCloseTo(2 / Math.sqrt(6), 6);
    const raw = makeModel({ ...spec, field: 'raw' }, signs(4))
      .forward(w, x)
      .dataSync();
    expect(raw[1]).toBeCloseTo(-2 / 2, 6);
    tf.dispose([w, x, labels]);
  });

  it('needs ±1 labels', () => {
    expect(() =>
      makeModel(defaultModelSpec('perceptron'), { inputDim: 3, classes: 2, labelKind: 'class' }),
    ).toThrow(/±1 labels/);
  });
});

describeEachBackend('committee machine', () => {
  it('predicts the majority of the hidden signs (fully connected)', () => {
    const spec = { ...defaultModelSpec('committee'), hidden: 3 };
    const model = makeModel(spec, signs(2));
    expect(model.paramCount).toBe(6);
    // W [2, 3]: columns w₁ = (1, 0), w₂ = (0, 1), w₃ = (1, 1).
    const w = tf.tensor1d([1, 0, 1, 0, 1, 1]);
    const x = tf.tensor2d([
      [1, 1], // +, +, + → +
      [1, -2], // +, −, − → −
      [-1, 3], // −, +, + → +
      [-1, -1], // −, −, − → −
    ]);
    expect([...model.predict(w, x).dataSync()]).toEqual([1, -1, 1, -1]);
    // Relaxation: (1/√3) Σ tanh(h_k), h_k = w_k·x/‖w_k‖.
    const h = [1, 1, 2 / Math.SQRT2];
    const expected = h.reduce((s, v) => s + Math.tanh(v), 0) / Math.sqrt(3);
    expect(model.forward(w, x).dataSync()[0]).toBeCloseTo(expected, 5);
    tf.dispose([w, x]);
  });

  it('tree: hidden unit k sees only its own block of N/K inputs', () => {
    const spec = { ...defaultModelSpec('committee'), hidden: 3, tree: true, field: 'raw' as const };
    const model = makeModel(spec, signs(6));
    expect(model.layout[0]?.shape).toEqual([2, 3]);
    // Column k = weights of unit k over inputs 2k, 2k+1: units (1, 1), (1, −1), (−1, −1).
    const w = tf.tensor1d([1, 1, -1, 1, -1, -1]);
    const x = tf.tensor2d([
      [1, 1, 3, 1, 1, 1], // h = (2, 2, −2)/√2 → +
      [-1, -1, 1, 3, 1, 1], // (−2, −2, −2) → −
    ]);
    expect([...model.predict(w, x).dataSync()]).toEqual([1, -1]);
    // The ReLU-built hard tanh relaxation clips each h_k to [−1, 1].
    const relu = makeModel({ ...spec, activation: 'relu' }, signs(6));
    const out = relu.forward(w, x).dataSync();
    expect(out[0]).toBeCloseTo((1 + 1 - 1) / Math.sqrt(3), 5);
    expect(out[1]).toBeCloseTo((-1 - 1 - 1) / Math.sqrt(3), 5);
    expect(() => makeModel({ ...spec, hidden: 4 }, signs(8))).toThrow(/odd/);
    expect(() => makeModel(spec, signs(7))).toThrow(/divide/);
    tf.dispose([w, x]);
  });

  it('spherical: every hidden unit keeps ‖w_k‖² = N_k', () => {
    const spec = {
      ...defaultModelSpec('committee'),
      hidden: 3,
      tree: true,
      norm: 'spherical' as const,
    };
    const model = makeModel(spec, signs(30));
    const w0 = model.init(createRng(2, 'init'));
    const column = (w: ArrayLike<number>, k: number) =>
      Array.from({ length: 10 }, (_, i) => w[i * 3 + k] ?? 0);
    for (let k = 0; k < 3; k++) expect(norm2(column(w0, k))).toBeCloseTo(10, 3);
    const off = tf.tensor1d(w0.map((v, i) => v * (1 + (i % 3))));
    const on = model.project?.(off);
    const values = on?.dataSync() ?? [];
    for (let k = 0; k < 3; k++) expect(norm2(column(values, k))).toBeCloseTo(10, 3);
    tf.dispose([off, on]);
  });
});

describeEachBackend('normalized fields: scale invariance fixes H·w', () => {
  // L(c·w_k) = L(w) for every unit k ⇒ g·P_k w = 0 for all w ⇒ H P_k w = −P_k g (P_k: unit k's entries).
  it.each([
    ['perceptron', defaultModelSpec('perceptron'), 1],
    ['tanh committee', { ...defaultModelSpec('committee'), hidden: 3 }, 3],
    ['tree committee', { ...defaultModelSpec('committee'), hidden: 3, tree: true }, 3],
  ] as const)('%s', (_name, spec, units) => {
    const data = makeDataset({ kind: 'randomPatterns', n: 21, alpha: 1.5 }, 4);
    const model = makeModel(spec, data);
    const w0 = model.init(createRng(4, 'init'));
    const x = tf.tensor2d(data.train.x, [data.train.count, data.inputDim]);
    const y = tf.tensor1d(Float32Array.from(data.train.y));
    const loss = makeLoss({ kind: 'baldassi', gamma: 2 });
    const f = (u: tf.Tensor1D): tf.Scalar => loss(model.forward(u, x), y);
    const w = tf.tensor1d(w0);
    const g = tf
      .grad((u: tf.Tensor) => f(u as tf.Tensor1D))(w)
      .dataSync();
    for (let k = 0; k < units; k++) {
      const mask = w0.map((_, i) => (i % units === k ? 1 : 0));
      const v = tf.tensor1d(w0.map((wi, i) => wi * (mask[i] ?? 0)));
      const hv = hessianVectorProduct(f, w, v);
      const want = Array.from(g, (gi, i) => -gi * (mask[i] ?? 0));
      expect(relativeError(hv.dataSync(), want)).toBeLessThan(1e-4);
      tf.dispose([v, hv]);
    }
    tf.dispose([x, y, w]);
  });
});
