/**
 * Test fixtures for the linear-algebra tests: a tiny seeded generator (independent of the app's
 * Rng so these tests need nothing else) and matrices with known spectra.
 */
import { denseOperator, type LinearOperator } from './linearOperator';

/** mulberry32: a deterministic uniform generator on [0, 1). */
export function seededUniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded `Rng`-shaped object (uniform, normal by Box–Muller, int, sign). */
export function testRng(seed: number) {
  const u = seededUniform(seed);
  return {
    uniform: u,
    normal: () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u()),
    int: (n: number) => Math.floor(u() * n),
    sign: () => (u() < 0.5 ? -1 : 1),
  };
}

/** A random orthogonal n×n matrix (row-major) by Gram–Schmidt on Gaussian rows. */
export function randomOrthogonal(n: number, seed: number): Float64Array {
  const rng = testRng(seed);
  const q = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const row = q.subarray(i * n, (i + 1) * n);
    for (let j = 0; j < n; j++) row[j] = rng.normal();
    for (let pass = 0; pass < 2; pass++) {
      for (let k = 0; k < i; k++) {
        const prev = q.subarray(k * n, (k + 1) * n);
        let s = 0;
        for (let j = 0; j < n; j++) s += prev[j]! * row[j]!;
        for (let j = 0; j < n; j++) row[j]! -= s * prev[j]!;
      }
    }
    let nn = 0;
    for (let j = 0; j < n; j++) nn += row[j]! ** 2;
    for (let j = 0; j < n; j++) row[j]! /= Math.sqrt(nn);
  }
  return q;
}

/** `A = Qᵀ diag(λ) Q` for a random orthogonal Q: a dense symmetric matrix with spectrum λ. */
export function matrixWithSpectrum(values: readonly number[], seed: number): Float64Array {
  const n = values.length;
  const q = randomOrthogonal(n, seed);
  const a = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    const lk = values[k]!;
    for (let i = 0; i < n; i++) {
      const qi = q[k * n + i]! * lk;
      for (let j = 0; j < n; j++) a[i * n + j]! += qi * q[k * n + j]!;
    }
  }
  return a;
}

/** The diagonal operator `v ↦ diag(λ) v`. */
export function diagonalOperator(values: readonly number[]): LinearOperator {
  const d = Float64Array.from(values);
  return {
    dim: d.length,
    apply: (v) => Promise.resolve(v.map((x, i) => x * d[i]!)),
  };
}

/** The operator of `matrixWithSpectrum(values, seed)`. */
export function operatorWithSpectrum(values: readonly number[], seed: number): LinearOperator {
  return denseOperator(matrixWithSpectrum(values, seed), values.length);
}
