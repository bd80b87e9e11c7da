import { describe, expect, it } from 'vitest';
import { CancelledError } from '../cancel';
import { createRng } from '../random';
import { diagonalOperator, operatorWithSpectrum, testRng } from '../linalg/testMatrices.node';
import { dot } from '../linalg/vector';
import { lanczos } from './lanczos';

describe('lanczos', () => {
  it('recovers the top and bottom eigenvalues of a known diagonal matrix (D = 200)', async () => {
    const values = Array.from(
      { length: 200 },
      (_, i) => (i + 1) / 10 + (i >= 195 ? 10 * (i - 194) : 0),
    );
    const op = diagonalOperator(values);
    const r = await lanczos(op, { k: 5, which: 'both', steps: 60, rng: createRng(1, 'probes') });
    const sorted = [...values].sort((a, b) => b - a);
    for (let j = 0; j < 5; j++) {
      expect(Math.abs(r.top[j]!.value - sorted[j]!)).toBeLessThan(1e-9);
      // the outliers' eigenvectors are coordinate axes 195..199
      expect(Math.abs(r.top[j]!.vector[199 - j]!)).toBeGreaterThan(1 - 1e-8);
      expect(r.top[j]!.residual).toBeLessThan(1e-6);
    }
    // The bottom edge of an evenly spaced bulk converges slowly: 1e-2 at 60 steps (measured
    // 8e-3), exact to 1e-9 at m = D.
    for (let j = 0; j < 3; j++)
      expect(Math.abs(r.bottom[j]!.value - (j + 1) / 10)).toBeLessThan(1e-2);
    expect(r.steps).toBe(60);
    const full = await lanczos(op, {
      k: 3,
      which: 'bottom',
      steps: 200,
      rng: createRng(1, 'probes'),
    });
    for (let j = 0; j < 3; j++)
      expect(Math.abs(full.bottom[j]!.value - (j + 1) / 10)).toBeLessThan(1e-9);
  });

  it('ranks eigenvalues algebraically, not by |λ|: large negative ones go to the bottom', async () => {
    // low rank + diagonal: spectrum with −50, −40 far below and +3, +2.5 on top of a [0, 1] bulk
    const rng = testRng(3);
    const values = [-50, -40, 3, 2.5, ...Array.from({ length: 96 }, () => rng.uniform())];
    const op = operatorWithSpectrum(values, 11);
    const r = await lanczos(op, { k: 2, which: 'both', steps: 50, rng: createRng(2, 'probes') });
    expect(r.top.map((p) => p.value)).toEqual([expect.closeTo(3, 9), expect.closeTo(2.5, 9)]);
    expect(r.bottom.map((p) => p.value)).toEqual([expect.closeTo(-50, 9), expect.closeTo(-40, 9)]);
    const top = await lanczos(op, { k: 1, which: 'top', steps: 50, rng: createRng(2, 'probes') });
    expect(top.bottom).toEqual([]);
    expect(top.top[0]!.value).toBeCloseTo(3, 9);
    // Ritz vectors are orthonormal eigenvectors
    const av = await op.apply(r.top[0]!.vector);
    expect(dot(av, r.top[0]!.vector)).toBeCloseTo(3, 9);
    expect(Math.abs(dot(r.top[0]!.vector, r.top[1]!.vector))).toBeLessThan(1e-9);
  });

  it('finds repeated eigenvalues by restarting after breakdown, and is exact at m = D', async () => {
    const values = [5, 5, 5, 1, 1, 0, -2, -2];
    const r = await lanczos(diagonalOperator(values), {
      k: 8,
      which: 'top',
      steps: 8,
      rng: createRng(4, 'probes'),
    });
    expect(r.top.map((p) => Math.round(p.value * 1e9) / 1e9 + 0)).toEqual([
      5, 5, 5, 1, 1, 0, -2, -2,
    ]);
  });

  it('stops at a tolerance once every wanted residual is within it, as ARPACK does', async () => {
    // Five outliers 10…50 over a [0.1, 19.5] bulk: the top five converge long before 120 steps.
    const values = Array.from(
      { length: 200 },
      (_, i) => (i + 1) / 10 + (i >= 195 ? 10 * (i - 194) : 0),
    );
    const op = diagonalOperator(values);
    const sorted = [...values].sort((a, b) => b - a);
    const tolerance = 1e-6;
    const r = await lanczos(op, {
      k: 5,
      which: 'top',
      steps: 120,
      tolerance,
      rng: createRng(1, 'probes'),
    });
    expect(r.steps).toBeGreaterThanOrEqual(11);
    expect(r.steps).toBeLessThan(60);
    for (const [j, pair] of r.top.entries()) {
      expect(pair.residual).toBeLessThanOrEqual(tolerance * Math.abs(pair.value));
      expect(Math.abs(pair.value - sorted[j]!)).toBeLessThanOrEqual(pair.residual);
    }
    // One step fewer and some wanted residual is still above the tolerance.
    const shorter = await lanczos(op, {
      k: 5,
      which: 'top',
      steps: r.steps - 1,
      rng: createRng(1, 'probes'),
    });
    expect(shorter.top.some((p) => p.residual > tolerance * Math.abs(p.value))).toBe(true);
    // The bottom of the even bulk is far from 1e-6 at 60 steps (error 8e-3): the cap holds.
    const capped = await lanczos(op, {
      k: 3,
      which: 'bottom',
      steps: 60,
      tolerance,
      rng: createRng(1, 'probes'),
    });
    expect(capped.steps).toBe(60);
  });

  it('reports progress per application and rejects with CancelledError when aborted', async () => {
    const op = diagonalOperator(Array.from({ length: 50 }, (_, i) => i));
    const fractions: number[] = [];
    let yields = 0;
    await lanczos(
      op,
      { k: 2, which: 'top', steps: 20, rng: createRng(5, 'probes') },
      { onProgress: (f) => fractions.push(f), yieldToHost: () => Promise.resolve(void yields++) },
    );
    expect(fractions).toHaveLength(20);
    expect(fractions.at(-1)).toBe(1);
    expect(yields).toBe(20);
    const signal = { aborted: false };
    const run = lanczos(
      op,
      { k: 2, which: 'top', steps: 20, rng: createRng(5, 'probes') },
      { signal, onProgress: (f) => void (f >= 0.5 && (signal.aborted = true)) },
    );
    await expect(run).rejects.toBeInstanceOf(CancelledError);
  });
});
