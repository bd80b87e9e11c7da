import { describe, expect, it } from 'vitest';
import { CancelledError } from '../cancel';
import { analyzeSimpleModel, simpleModel } from './simpleModel';

const base = { seed: 1, dim: 120, samples: 600 };

describe("Fort & Ganguli's simple model", () => {
  it('has C outliers and a gradient confined to them (f_C > 0.99 ≫ C/D)', async () => {
    for (const classes of [3, 5]) {
      const r = await analyzeSimpleModel({ ...base, classes, logitScale: 2 });
      expect(r.outliers.count).toBe(classes);
      expect(r.confinement.fraction).toBeGreaterThan(0.99);
      expect(r.confinement.baseline).toBeCloseTo(classes / 120, 12);
    }
  });

  it('without the own-class boost the softmax null direction leaves C − 1 outliers', async () => {
    const r = await analyzeSimpleModel({ ...base, classes: 4, logitScale: 2, ownClassBoost: 0 });
    expect(r.outliers.count).toBe(3);
  });

  it('the top eigenvalue rises then falls as the logit scale grows', async () => {
    const scales = [0.5, 1, 2, 4, 8, 16, 32];
    const top: number[] = [];
    for (const logitScale of scales) {
      const r = await analyzeSimpleModel({ ...base, classes: 3, logitScale });
      top.push(r.eigenvalues[0]!);
    }
    const peak = top.indexOf(Math.max(...top));
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThan(scales.length - 1);
    for (let i = 0; i < peak; i++) expect(top[i + 1]!).toBeGreaterThan(top[i]!);
    for (let i = peak; i < scales.length - 1; i++) expect(top[i + 1]!).toBeLessThan(top[i]!);
    expect(top[0]!).toBeLessThan(0.2 * top[peak]!);
    expect(top[scales.length - 1]!).toBeLessThan(0.01 * top[peak]!);
  });

  it('G is the Gauss–Newton form: PSD, symmetric, and deterministic in the seed', () => {
    const a = simpleModel({ ...base, dim: 30, samples: 50, classes: 3 });
    const b = simpleModel({ ...base, dim: 30, samples: 50, classes: 3 });
    expect(Array.from(a.gaussNewton)).toEqual(Array.from(b.gaussNewton));
    expect(Array.from(a.gradient)).toEqual(Array.from(b.gradient));
    const c = simpleModel({ ...base, seed: 2, dim: 30, samples: 50, classes: 3 });
    expect(c.gradient[0]).not.toBe(a.gradient[0]);
    for (let i = 0; i < 30; i++) {
      expect(a.gaussNewton[i * 30 + i]!).toBeGreaterThanOrEqual(0);
      for (let k = 0; k < 30; k++)
        expect(a.gaussNewton[i * 30 + k]).toBe(a.gaussNewton[k * 30 + i]);
    }
    // vᵀGv = (1/P) Σ (J v)ᵀ A (J v) ≥ 0 for a random v.
    const v = Float64Array.from({ length: 30 }, (_, i) => Math.sin(i + 1));
    let q = 0;
    for (let i = 0; i < 30; i++)
      for (let k = 0; k < 30; k++) q += v[i]! * a.gaussNewton[i * 30 + k]! * v[k]!;
    expect(q).toBeGreaterThan(0);
    // Probabilities are a softmax: rows sum to 1.
    for (let mu = 0; mu < 50; mu++) {
      const row = a.probabilities.subarray(mu * 3, mu * 3 + 3);
      expect(row[0]! + row[1]! + row[2]!).toBeCloseTo(1, 12);
    }
  });

  it('is cancellable', async () => {
    await expect(
      analyzeSimpleModel({ ...base, classes: 3 }, { signal: { aborted: true } }),
    ).rejects.toBeInstanceOf(CancelledError);
  });
});
