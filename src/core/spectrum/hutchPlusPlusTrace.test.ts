import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { describeEachBackend } from '../../testing/backends.node';
import { CancelledError } from '../cancel';
import type { LinearOperator } from '../linalg/linearOperator';
import { operatorWithSpectrum } from '../linalg/testMatrices.node';
import { createRng } from '../random';
import { objectiveLoss } from '../slices/landscapeObjective';
import { mixtureMlp } from '../slices/testObjectives.node';
import { denseMatrix } from './exactSpectrum';
import { hessianOperator } from './hessianOperator';
import { hutchinsonTrace } from './hutchinsonTrace';
import { hutchPlusPlusTrace } from './hutchPlusPlusTrace';

const sum = (x: readonly number[]) => x.reduce((a, b) => a + b, 0);

/** Mean and variance over seeds 1..n of an estimator. */
async function overSeeds(n: number, estimate: (seed: number) => Promise<number>) {
  const xs: number[] = [];
  for (let seed = 1; seed <= n; seed++) xs.push(await estimate(seed));
  const mean = sum(xs) / n;
  return { mean, variance: sum(xs.map((x) => (x - mean) ** 2)) / (n - 1) };
}

/** An operator that counts its products. */
function counted(op: LinearOperator): { op: LinearOperator; count: () => number } {
  let n = 0;
  return {
    op: { dim: op.dim, apply: (v) => (n++, op.apply(v)) },
    count: () => n,
  };
}

describe('hutchPlusPlusTrace on matrices with known spectra', () => {
  // D = 120: a decaying spectrum 20·0.8^k (the top few dominate ‖A‖_F) and a small negative tail.
  const decaying = Array.from({ length: 120 }, (_, k) =>
    k < 110 ? 20 * 0.8 ** k : -0.01 * (k - 109),
  );
  const trace = sum(decaying);
  const op = operatorWithSpectrum(decaying, 5);
  const seeds = 300;

  it('is unbiased: the mean over 300 seeds lies within 4 standard errors of Tr(A)', async () => {
    const { mean, variance } = await overSeeds(seeds, async (seed) => {
      const r = await hutchPlusPlusTrace(op, { products: 12, rng: createRng(seed, 'probes') });
      return r.mean;
    });
    expect(Math.abs(mean - trace)).toBeLessThan(4 * Math.sqrt(variance / seeds));
    // …and also on a flat spectrum, where the sketch captures nothing special
    const flat = operatorWithSpectrum(
      Array.from({ length: 60 }, (_, k) => (k % 3) - 0.5),
      6,
    );
    const f = await overSeeds(seeds, async (seed) => {
      const r = await hutchPlusPlusTrace(flat, { products: 12, rng: createRng(seed, 'probes') });
      return r.mean;
    });
    expect(Math.abs(f.mean - 30)).toBeLessThan(4 * Math.sqrt(f.variance / seeds));
  });

  it('has a far smaller variance than Hutchinson at the same number of products, and says so', async () => {
    const products = 30;
    const plus = await overSeeds(seeds, async (seed) => {
      const c = counted(op);
      const r = await hutchPlusPlusTrace(c.op, { products, rng: createRng(seed, 'probes') });
      expect(c.count()).toBe(products);
      expect(r.products).toBe(products);
      expect(r.rank).toBe(10);
      expect(r.mean).toBeCloseTo(r.sketchTrace + sum(Array.from(r.samples)) / 10, 10);
      return r.mean;
    });
    const plain = await overSeeds(seeds, async (seed) => {
      const r = await hutchinsonTrace(op, { samples: products, rng: createRng(seed, 'probes') });
      return r.mean;
    });
    // one sketch pass of 10 columns deflates about the top 5 of 20·0.8^k, which hold all but
    // 0.64^5 ≈ 11% of ‖A‖²_F: ~9× smaller variance measured (71 → 7.7); ask for 5×
    expect(plus.variance).toBeLessThan(plain.variance / 5);
    // the reported error bar (residual part) matches the spread over seeds within a factor 2
    const bars = await overSeeds(50, async (seed) => {
      const r = await hutchPlusPlusTrace(op, { products, rng: createRng(seed, 'probes') });
      return r.standardError ** 2;
    });
    expect(bars.mean).toBeGreaterThan(plus.variance / 2);
    expect(bars.mean).toBeLessThan(plus.variance * 2);
  });

  it('is exact when the sketch spans the space (rank-deficient sketches drop columns)', async () => {
    const low = operatorWithSpectrum([5, -2, 3, ...Array.from({ length: 17 }, () => 0)], 7);
    const r = await hutchPlusPlusTrace(low, { products: 30, rng: createRng(1, 'probes') });
    expect(r.rank).toBe(3);
    expect(r.products).toBe(10 + 3 + 10);
    expect(r.mean).toBeCloseTo(6, 10);
    expect(r.standardError).toBeLessThan(1e-10);
  });

  it('reports progress and rejects with CancelledError when aborted', async () => {
    const progress: number[] = [];
    await hutchPlusPlusTrace(
      op,
      { products: 9, rng: createRng(1, 'probes') },
      { onProgress: (f) => progress.push(f) },
    );
    expect(progress.at(-1)).toBe(1);
    const signal = { aborted: false };
    const run = hutchPlusPlusTrace(
      op,
      { products: 9, rng: createRng(1, 'probes') },
      { signal, onProgress: () => void (signal.aborted = true) },
    );
    await expect(run).rejects.toBeInstanceOf(CancelledError);
  });
});

describeEachBackend('hutchPlusPlusTrace on a network Hessian', () => {
  it('matches the exact trace of a small MLP (D = 51): exactly with a full sketch, within 4 s.e. with 30 products', async () => {
    const before = tf.memory().numTensors;
    const { objective, init, model } = mixtureMlp({ hidden: [6], count: 60 });
    const op = hessianOperator(objectiveLoss(objective), init);
    try {
      const d = model.paramCount;
      const h = await denseMatrix(op);
      let exact = 0;
      for (let i = 0; i < d; i++) exact += h[i * d + i]!;
      const full = await hutchPlusPlusTrace(op, { products: 3 * d, rng: createRng(1, 'probes') });
      // a ReLU network's Hessian is rank-deficient (dead units): Q spans its range, not R^D
      expect(full.rank).toBeLessThanOrEqual(d);
      expect(Math.abs(full.mean - exact)).toBeLessThan(1e-5 * Math.abs(exact));
      const r = await hutchPlusPlusTrace(op, { products: 30, rng: createRng(2, 'probes') });
      expect(Math.abs(r.mean - exact)).toBeLessThan(4 * r.standardError);
      const plain = await hutchinsonTrace(op, { samples: 30, rng: createRng(2, 'probes') });
      expect(r.standardError).toBeLessThan(plain.standardError);
    } finally {
      op.dispose();
      objective.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
