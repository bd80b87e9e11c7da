import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../../testing/backends.node';
import { batchedHessianVectorProducts, hessianVectorProduct } from '../autodiff';
import { softmaxRegressionHessian } from '../autodiff/softmaxRegressionHessian';
import { symmetricEigen } from '../linalg/symmetricEigen';
import { crossEntropyOfBlocks } from '../losses/crossEntropy';
import { denseChainHessianVectorProducts } from '../slices/denseChainHessianVectorProducts';
import { denseChainRowLosses } from '../slices/denseChainRowLosses';
import { hessianProducts } from '../slices/hessianProducts';
import { objectiveLoss, type LandscapeObjective } from '../slices/landscapeObjective';
import { mixtureMlp } from '../slices/testObjectives.node';
import { relativeError } from '../testing/denseHessian';
import { randomVector } from '../testing/fixtures';
import { denseMatrix, exactSpectrum } from './exactSpectrum';
import { hessianOperator } from './hessianOperator';

/** H v_g one double back-propagation at a time: the reference. */
function oneAtATime(objective: LandscapeObjective, w: tf.Tensor1D, v: Float32Array[]) {
  const f = objectiveLoss(objective);
  return v.map((vg) =>
    tf.tidy(() => hessianVectorProduct(f, w, tf.tensor1d(vg)).dataSync() as Float32Array),
  );
}

function rowsOf(t: tf.Tensor2D): Float32Array[] {
  const data = t.dataSync() as Float32Array;
  const [k = 0, d = 0] = t.shape;
  return Array.from({ length: k }, (_, g) => data.slice(g * d, (g + 1) * d));
}

/** The MLP both product tests use: 4 → 6 → 5 → 3 on 50 samples. */
const twoLayerMlp = (activation: 'relu' | 'tanh') =>
  mixtureMlp({ hidden: [6, 5], activation, classes: 3, dim: 4, count: 50 });

describeEachBackend('batched Hessian–vector products', () => {
  let n0 = 0;
  beforeAll(() => void (n0 = tf.memory().numTensors));
  afterAll(() => expect(tf.memory().numTensors).toBe(n0));

  it.each(['relu', 'tanh'] as const)(
    'equal one-at-a-time products on a %s MLP, both the replicated-row autodiff and the R-operator',
    (activation) => {
      const { objective, model, init } = twoLayerMlp(activation);
      const withBlocks: LandscapeObjective = { ...objective, blockLoss: crossEntropyOfBlocks };
      const w = tf.tensor1d(init);
      const v = Array.from({ length: 5 }, (_, g) => randomVector(model.paramCount, 40 + g));
      const want = oneAtATime(withBlocks, w, v);
      const vt = tf.tensor2d(
        v.flatMap((r) => [...r]),
        [v.length, model.paramCount],
      );
      const before = tf.memory().numTensors;
      const rowLosses = denseChainRowLosses(withBlocks);
      expect(rowLosses).toBeDefined();
      const autodiff = batchedHessianVectorProducts(rowLosses!, w, vt);
      const rOp = denseChainHessianVectorProducts(withBlocks, activation, w, vt);
      expect(tf.memory().numTensors).toBe(before + 2);
      const [a, r] = [rowsOf(autodiff), rowsOf(rOp)];
      for (let g = 0; g < v.length; g++) {
        expect(relativeError(a[g]!, want[g]!)).toBeLessThan(1e-5);
        expect(relativeError(r[g]!, want[g]!)).toBeLessThan(1e-5);
      }
      tf.dispose([autodiff, rOp, vt, w]);
      objective.dispose();
    },
  );

  it.each(['relu', 'tanh'] as const)(
    "%s MLP: H's columns a layer at a time (no tangents below it) = the products on the unit vectors, across layer boundaries",
    async (activation) => {
      const { objective, model, init } = twoLayerMlp(activation);
      const d = model.paramCount;
      const batched = hessianProducts(objective)!;
      expect(batched.columns).toBeDefined();
      const w = tf.tensor1d(init);
      const before = tf.memory().numTensors;
      // Every column, then a pass that starts in layer 1 and ends in layer 3.
      for (const [start, end] of [
        [0, d],
        [20, 60],
      ] as const) {
        const units = tf.tidy(() =>
          tf.cast(tf.oneHot(tf.range(start, end, 1, 'int32'), d), 'float32'),
        ) as tf.Tensor2D;
        const fast = batched.columns!(w, start, end);
        const full = batched.products(w, units);
        expect(fast.shape).toEqual([end - start, d]);
        // Relative to the whole block: a dead ReLU unit's columns are exactly zero on both sides.
        expect(relativeError(fast.dataSync(), full.dataSync())).toBeLessThan(1e-6);
        tf.dispose([units, fast, full]);
      }
      expect(tf.memory().numTensors).toBe(before);
      // The dense matrix the exact spectrum is built from: its columns = one-at-a-time products.
      const op = hessianOperator(objectiveLoss(objective), init, batched);
      const dense = await denseMatrix(op);
      op.dispose();
      const v = Array.from({ length: d }, (_, j) =>
        Float32Array.from({ length: d }, (_, i) => (i === j ? 1 : 0)),
      );
      const want = oneAtATime(objective, w, v);
      const flat = new Float32Array(d * d);
      want.forEach((c, j) => flat.set(c, j * d));
      expect(relativeError(dense, flat)).toBeLessThan(1e-5);
      w.dispose();
      objective.dispose();
    },
  );

  it('skips the columns of first-layer weights whose input is zero in every sample: exact zeros', () => {
    const { objective, model, init } = twoLayerMlp('tanh');
    // Inputs 1 and 3 zero in all 50 samples: W1's rows 1 and 3 (6 weights each) drop out of L.
    const x = tf.tidy(() => tf.mul<tf.Tensor2D>(objective.x, tf.tensor1d([1, 0, 1, 0])));
    const zeroed: LandscapeObjective = { ...objective, x };
    const d = model.paramCount;
    const w = tf.tensor1d(init);
    const columns = hessianProducts(zeroed)!.columns!(w, 0, d);
    const dense = columns.dataSync();
    const units = Array.from({ length: d }, (_, j) =>
      Float32Array.from({ length: d }, (_, i) => (i === j ? 1 : 0)),
    );
    const want = oneAtATime(zeroed, w, units);
    const flat = new Float32Array(d * d);
    want.forEach((c, j) => flat.set(c, j * d));
    expect(relativeError(dense, flat)).toBeLessThan(1e-5);
    const dead = [6, 7, 8, 9, 10, 11, 18, 19, 20, 21, 22, 23];
    for (const j of dead) {
      expect(dense.subarray(j * d, (j + 1) * d).every((h) => h === 0)).toBe(true);
      for (let i = 0; i < d; i++) expect(dense[i * d + j]).toBe(0);
    }
    // The other first-layer columns are not zero: only the dead inputs were skipped.
    expect(dense.subarray(0, d).some((h) => h !== 0)).toBe(true);
    tf.dispose([x, w, columns]);
    objective.dispose();
  });

  it.each(['relu', 'tanh'] as const)(
    '%s MLP: an operator prepared at its point (forward pass kept) = one-at-a-time products, call after call; dispose frees the kept pass',
    async (activation) => {
      const { objective, model, init } = twoLayerMlp(activation);
      const batched = hessianProducts(objective)!;
      expect(batched.at).toBeDefined();
      const w = tf.tensor1d(init);
      const v = Array.from({ length: 7 }, (_, g) => randomVector(model.paramCount, 70 + g));
      const want = oneAtATime(objective, w, v);
      const before = tf.memory().numTensors;
      const op = hessianOperator(objectiveLoss(objective), init, batched);
      const kept = tf.memory().numTensors;
      // One vector, then a pass of four, then two more: the kept pass serves every call.
      const got = [
        await op.apply(Float64Array.from(v[0]!)),
        ...(await op.applyMany!(v.slice(1, 5).map((r) => Float64Array.from(r)))),
        ...(await op.applyMany!(v.slice(5).map((r) => Float64Array.from(r)))),
      ];
      expect(tf.memory().numTensors).toBe(kept);
      got.forEach((g, i) => expect(relativeError(g, want[i]!)).toBeLessThan(1e-5));
      op.dispose();
      expect(tf.memory().numTensors).toBe(before);
      w.dispose();
      objective.dispose();
    },
  );

  it('build the exact spectrum of softmax regression (a one-layer chain) = the closed form', async () => {
    const { objective, model, init } = mixtureMlp({ hidden: [], classes: 3, dim: 4, count: 60 });
    const withBlocks: LandscapeObjective = { ...objective, blockLoss: crossEntropyOfBlocks };
    const d = model.paramCount;
    const x = (await objective.x.data()) as Float32Array;
    const closed = softmaxRegressionHessian(init, x, 60, 4, 3);
    const want = symmetricEigen(closed, d, { vectors: false }).values;
    const batches = [
      {
        products: (u: tf.Tensor1D, v: tf.Tensor2D) =>
          denseChainHessianVectorProducts(withBlocks, 'relu', u, v),
        size: 4,
      },
      {
        products: (u: tf.Tensor1D, v: tf.Tensor2D) =>
          batchedHessianVectorProducts(denseChainRowLosses(withBlocks)!, u, v),
        size: d,
      },
    ];
    // The prepared products (the app's operator for this objective) against the closed form too.
    const prepared = hessianOperator(objectiveLoss(withBlocks), init, hessianProducts(withBlocks));
    expect(relativeError(await denseMatrix(prepared), closed)).toBeLessThan(1e-5);
    prepared.dispose();
    for (const batched of batches) {
      let passes = 0;
      const op = hessianOperator(objectiveLoss(withBlocks), init, {
        ...batched,
        products: (u, v) => (passes++, batched.products(u, v)),
      });
      const dense = await denseMatrix(op);
      expect(passes).toBe(Math.ceil(d / batched.size));
      expect(relativeError(dense, closed)).toBeLessThan(1e-5);
      const exact = await exactSpectrum(op);
      expect(relativeError(exact.values, want)).toBeLessThan(1e-6);
      op.dispose();
    }
    objective.dispose();
  });
});
