import { describe, expect, it } from 'vitest';
import { CancelledError } from '../cancel';
import { matVec } from './linearOperator';
import { symmetricEigen, symmetricEigenChunked } from './symmetricEigen';
import { matrixWithSpectrum, testRng } from './testMatrices.node';
import { symmetricTridiagonalEigen } from './tridiagonalEigen';

/** max_j ‖A v_j − λ_j v_j‖ and max_{i,j} |v_i·v_j − δ_ij|. */
function residuals(a: Float64Array, n: number, values: Float64Array, vectors: Float64Array) {
  let eig = 0;
  let orth = 0;
  for (let j = 0; j < n; j++) {
    const v = vectors.subarray(j * n, (j + 1) * n);
    const av = matVec(a, n, v);
    let r = 0;
    for (let i = 0; i < n; i++) r += (av[i]! - values[j]! * v[i]!) ** 2;
    eig = Math.max(eig, Math.sqrt(r));
    for (let k = 0; k < n; k++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += v[i]! * vectors[k * n + i]!;
      orth = Math.max(orth, Math.abs(s - (j === k ? 1 : 0)));
    }
  }
  return { eig, orth };
}

describe('symmetricEigen', () => {
  it('recovers a prescribed spectrum with orthonormal eigenvectors (n = 60)', () => {
    const rng = testRng(1);
    const spectrum = Array.from({ length: 60 }, () => 10 * rng.normal());
    const a = matrixWithSpectrum(spectrum, 2);
    const { values, vectors } = symmetricEigen(a, 60);
    const sorted = [...spectrum].sort((x, y) => x - y);
    for (let i = 0; i < 60; i++) expect(Math.abs(values[i]! - sorted[i]!)).toBeLessThan(1e-11);
    const r = residuals(a, 60, values, vectors);
    expect(r.eig).toBeLessThan(1e-11);
    expect(r.orth).toBeLessThan(1e-12);
  });

  it('projects vectors on the eigenbasis without forming it: x·v_j up to the eigenvector sign', () => {
    const rng = testRng(5);
    const n = 50;
    // distinct eigenvalues (each v_j unique up to sign): a bulk and four far outliers
    const spectrum = Array.from({ length: n }, (_, i) => i - 10 + (i > 45 ? 100 * i : 0));
    const a = matrixWithSpectrum(spectrum, 6);
    const xs = [0, 1].map(() => Float64Array.from({ length: n }, () => rng.normal()));
    const full = symmetricEigen(a, n, { project: xs });
    const cheap = symmetricEigen(a, n, { vectors: false, project: xs });
    expect(cheap.vectors).toHaveLength(0);
    expect(cheap.projections).toHaveLength(2 * n);
    for (let j = 0; j < n; j++) {
      expect(Math.abs(cheap.values[j]! - full.values[j]!)).toBeLessThan(1e-10);
      const v = full.vectors.subarray(j * n, (j + 1) * n);
      for (let k = 0; k < 2; k++) {
        const direct = xs[k]!.reduce((s, x, i) => s + x * v[i]!, 0);
        expect(Math.abs(full.projections[j * 2 + k]! - direct)).toBeLessThan(1e-12);
        expect(Math.abs(Math.abs(cheap.projections[j * 2 + k]!) - Math.abs(direct))).toBeLessThan(
          1e-9,
        );
      }
    }
    // the squared coordinates sum to ‖x‖² (Parseval): nothing is lost or double-counted
    const total = cheap.projections.reduce((s, p, i) => s + (i % 2 === 0 ? p * p : 0), 0);
    expect(total).toBeCloseTo(
      xs[0]!.reduce((s, x) => s + x * x, 0),
      9,
    );
  });

  it('handles repeated eigenvalues, a zero block, and n = 1, 2', () => {
    const spectrum = [3, 3, 3, 0, 0, -1, -1, 5];
    const a = matrixWithSpectrum(spectrum, 3);
    const { values, vectors } = symmetricEigen(a, 8);
    expect(Array.from(values).map((x) => Math.round(x * 1e9) / 1e9 + 0)).toEqual([
      -1, -1, 0, 0, 3, 3, 3, 5,
    ]);
    expect(residuals(a, 8, values, vectors).orth).toBeLessThan(1e-12);
    expect(Array.from(symmetricEigen([4], 1).values)).toEqual([4]);
    const two = symmetricEigen([2, 1, 1, 2], 2);
    expect(two.values[0]).toBeCloseTo(1, 14);
    expect(two.values[1]).toBeCloseTo(3, 14);
    expect(Math.abs(two.vectors[2]!)).toBeCloseTo(Math.SQRT1_2, 14);
    const zero = symmetricEigen(new Float64Array(9), 3);
    expect(Array.from(zero.values)).toEqual([0, 0, 0]);
    expect(residuals(new Float64Array(9), 3, zero.values, zero.vectors).orth).toBeLessThan(1e-15);
  });

  it('splits off identically zero rows exactly: (0, e_i) pairs, the rest from the kept block', () => {
    // A 30×30 block with a known spectrum spread over rows of a 40×40 matrix; 10 rows of zeros.
    const rng = testRng(8);
    const m = 30;
    const n = 40;
    const spectrum = Array.from({ length: m }, () => 4 * rng.normal());
    const block = matrixWithSpectrum(spectrum, 9);
    const zeroRows = new Set([0, 3, 4, 11, 17, 22, 23, 30, 38, 39]);
    const keep = Array.from({ length: n }, (_, i) => i).filter((i) => !zeroRows.has(i));
    const a = new Float64Array(n * n);
    keep.forEach((i, r) => keep.forEach((j, c) => (a[i * n + j] = block[r * m + c]!)));
    const xs = [0, 1].map(() => Float64Array.from({ length: n }, () => rng.normal()));
    const full = symmetricEigen(a, n, { project: xs });
    const expected = [...spectrum, ...Array<number>(10).fill(0)].sort((x, y) => x - y);
    for (let j = 0; j < n; j++)
      expect(Math.abs(full.values[j]! - expected[j]!)).toBeLessThan(1e-11);
    const r = residuals(a, n, full.values, full.vectors);
    expect(r.eig).toBeLessThan(1e-11);
    expect(r.orth).toBeLessThan(1e-12);
    const cheap = symmetricEigen(a, n, { vectors: false, project: xs });
    for (let j = 0; j < n; j++) {
      expect(Math.abs(cheap.values[j]! - full.values[j]!)).toBeLessThan(1e-11);
      const v = full.vectors.subarray(j * n, (j + 1) * n);
      for (let k = 0; k < 2; k++) {
        const direct = xs[k]!.reduce((sum, x, i) => sum + x * v[i]!, 0);
        expect(Math.abs(full.projections[j * 2 + k]! - direct)).toBeLessThan(1e-12);
        expect(Math.abs(Math.abs(cheap.projections[j * 2 + k]!) - Math.abs(direct))).toBeLessThan(
          1e-9,
        );
      }
    }
  });

  it('reduces block-diagonal input, where some Householder steps have nothing to reflect', () => {
    // Rows 2 and 5 couple to nothing but themselves (a zero column above the diagonal mid-way).
    const n = 8;
    const dense = matrixWithSpectrum([4, -2, 1, 0.5, 3, -1], 12);
    const inBlock = [0, 1, 3, 4, 6, 7];
    const a = new Float64Array(n * n);
    inBlock.forEach((i, r) => inBlock.forEach((j, c) => (a[i * n + j] = dense[r * 6 + c]!)));
    a[2 * n + 2] = 7;
    a[5 * n + 5] = -5;
    const { values, vectors } = symmetricEigen(a, n);
    expect(Array.from(values).map((x) => Math.round(x * 1e9) / 1e9)).toEqual([
      -5, -2, -1, 0.5, 1, 3, 4, 7,
    ]);
    const r = residuals(a, n, values, vectors);
    expect(r.eig).toBeLessThan(1e-12);
    expect(r.orth).toBeLessThan(1e-12);
  });

  it('gives the same eigenvalues without eigenvectors', () => {
    const rng = testRng(4);
    const spectrum = Array.from({ length: 40 }, () => rng.normal());
    const a = matrixWithSpectrum(spectrum, 5);
    const full = symmetricEigen(a, 40);
    const only = symmetricEigen(a, 40, { vectors: false });
    expect(only.vectors.length).toBe(0);
    for (let i = 0; i < 40; i++) expect(only.values[i]).toBeCloseTo(full.values[i]!, 12);
  });

  it('reports progress in chunks and rejects with CancelledError once aborted', async () => {
    const rng = testRng(6);
    const spectrum = Array.from({ length: 120 }, () => rng.normal());
    const a = matrixWithSpectrum(spectrum, 7);
    const fractions: number[] = [];
    const result = await symmetricEigenChunked(
      a,
      120,
      { chunkWork: 1e5 },
      { onProgress: (f) => fractions.push(f) },
    );
    expect(result.values[0]).toBeCloseTo(Math.min(...spectrum), 11);
    expect(fractions.length).toBeGreaterThan(3);
    expect(fractions.at(-1)).toBe(1);
    for (let i = 1; i < fractions.length; i++)
      expect(fractions[i]).toBeGreaterThanOrEqual(fractions[i - 1]!);
    const signal = { aborted: false };
    const run = symmetricEigenChunked(
      a,
      120,
      { chunkWork: 1e5 },
      {
        signal,
        onProgress: (f) => {
          if (f > 0.2) signal.aborted = true;
        },
      },
    );
    await expect(run).rejects.toBeInstanceOf(CancelledError);
  });
});

describe('symmetricTridiagonalEigen', () => {
  it('gives the 1-D Laplacian spectrum 2 − 2cos(kπ/(n+1)) and its sine eigenvectors', () => {
    const n = 50;
    const { values, firstComponents, vectors } = symmetricTridiagonalEigen(
      new Float64Array(n).fill(2),
      new Float64Array(n - 1).fill(-1),
    );
    for (let k = 1; k <= n; k++) {
      expect(values[k - 1]).toBeCloseTo(2 - 2 * Math.cos((k * Math.PI) / (n + 1)), 13);
      // s_k[0] = √(2/(n+1)) sin(kπ/(n+1)) up to sign.
      const expected = Math.sqrt(2 / (n + 1)) * Math.sin((k * Math.PI) / (n + 1));
      expect(Math.abs(firstComponents[k - 1]!)).toBeCloseTo(expected, 13);
      expect(vectors[(k - 1) * n]).toBe(firstComponents[k - 1]);
    }
  });

  it('computes first components only, matching the full vectors', () => {
    const rng = testRng(8);
    const diag = Array.from({ length: 30 }, () => rng.normal());
    const off = Array.from({ length: 29 }, () => rng.normal());
    const full = symmetricTridiagonalEigen(diag, off, 'all');
    const first = symmetricTridiagonalEigen(diag, off, 'first');
    expect(first.vectors.length).toBe(0);
    let sum = 0;
    for (let j = 0; j < 30; j++) {
      expect(first.values[j]).toBeCloseTo(full.values[j]!, 13);
      expect(Math.abs(first.firstComponents[j]!)).toBeCloseTo(
        Math.abs(full.firstComponents[j]!),
        13,
      );
      sum += first.firstComponents[j]! ** 2;
    }
    expect(sum).toBeCloseTo(1, 13);
  });
});
