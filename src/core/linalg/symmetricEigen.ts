/**
 * Dense real symmetric eigensolver: Householder reduction to tridiagonal form (tred2) followed by
 * the implicit QL iteration (tql2), after EISPACK and the public-domain JAMA port. Float64
 * throughout, robust for the exact Hessian spectra of models with D up to a few thousand
 * parameters: O(4/3·n³) for eigenvalues only, about O(9·n³) with eigenvectors.
 */
import type { ChunkOptions } from '../types';
import { checkpoint } from './checkpoint';
import { implicitQLSteps, runToCompletion } from './tridiagonalEigen';

/** Eigen-decomposition `A = V Λ Vᵀ` of a symmetric matrix of order n. */
export interface SymmetricEigen {
  readonly n: number;
  /** Eigenvalues λ_1 ≤ … ≤ λ_n. */
  readonly values: Float64Array;
  /**
   * Unit eigenvectors, row-major n×n: row j, `vectors.subarray(j*n, (j+1)*n)`, belongs to
   * `values[j]`. Empty when eigenvectors were not requested.
   */
  readonly vectors: Float64Array;
}

export interface SymmetricEigenOptions {
  /** Compute eigenvectors too (default true). */
  vectors?: boolean;
  /** Chunked version only: approximate multiply–adds between checkpoints (default 2·10⁷). */
  chunkWork?: number;
}

/**
 * The eigensolver as a generator yielding a progress fraction after each O(n²) piece of work.
 * Works on the TRANSPOSE W = Vᵀ of tred2's accumulator so that every inner loop is contiguous;
 * since A is symmetric, W starts as a copy of A.
 */
function* symmetricEigenSteps(
  a: ArrayLike<number>,
  n: number,
  wantVectors: boolean,
): Generator<number, SymmetricEigen> {
  if (a.length !== n * n)
    throw new Error(`symmetricEigen: expected ${n * n} entries, got ${a.length}`);
  const w = Float64Array.from(a);
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  if (n === 0) return { n, values: d, vectors: new Float64Array(0) };

  for (let j = 0; j < n; j++) d[j] = w[j * n + n - 1]!;
  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    let h = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(d[k]!);
    if (scale === 0) {
      e[i] = d[i - 1]!;
      for (let j = 0; j < i; j++) {
        d[j] = w[j * n + i - 1]!;
        w[j * n + i] = 0;
        w[i * n + j] = 0;
      }
    } else {
      for (let k = 0; k < i; k++) {
        d[k]! /= scale;
        h += d[k]! * d[k]!;
      }
      let f = d[i - 1]!;
      let g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h -= f * g;
      d[i - 1] = f - g;
      for (let j = 0; j < i; j++) e[j] = 0;
      for (let j = 0; j < i; j++) {
        f = d[j]!;
        w[i * n + j] = f;
        const row = j * n;
        g = e[j]! + w[row + j]! * f;
        for (let k = j + 1; k <= i - 1; k++) {
          const wjk = w[row + k]!;
          g += wjk * d[k]!;
          e[k]! += wjk * f;
        }
        e[j] = g;
      }
      f = 0;
      for (let j = 0; j < i; j++) {
        e[j]! /= h;
        f += e[j]! * d[j]!;
      }
      const hh = f / (h + h);
      for (let j = 0; j < i; j++) e[j]! -= hh * d[j]!;
      for (let j = 0; j < i; j++) {
        f = d[j]!;
        g = e[j]!;
        const row = j * n;
        for (let k = j; k <= i - 1; k++) w[row + k]! -= f * e[k]! + g * d[k]!;
        d[j] = w[row + i - 1]!;
        w[row + i] = 0;
      }
    }
    d[i] = h;
    yield 0.4 * (1 - (i / n) ** 3);
  }

  if (wantVectors) {
    for (let i = 0; i < n - 1; i++) {
      w[i * n + n - 1] = w[i * n + i]!;
      w[i * n + i] = 1;
      const h = d[i + 1]!;
      const next = (i + 1) * n;
      if (h !== 0) {
        for (let k = 0; k <= i; k++) d[k] = w[next + k]! / h;
        for (let j = 0; j <= i; j++) {
          const row = j * n;
          let g = 0;
          for (let k = 0; k <= i; k++) g += w[next + k]! * w[row + k]!;
          for (let k = 0; k <= i; k++) w[row + k]! -= g * d[k]!;
        }
      }
      for (let k = 0; k <= i; k++) w[next + k] = 0;
      yield 0.4 + 0.2 * ((i + 1) / n) ** 3;
    }
    for (let j = 0; j < n; j++) {
      d[j] = w[j * n + n - 1]!;
      w[j * n + n - 1] = 0;
    }
    w[n * n - 1] = 1;
  } else {
    for (let j = 0; j < n; j++) d[j] = w[j * n + j]!;
  }
  // tred2 leaves e[i] = T[i][i−1]; the QL steps want e[i] = T[i+1][i].
  for (let i = 1; i < n; i++) e[i - 1] = e[i]!;
  e[n - 1] = 0;

  const z = wantVectors ? w : new Float64Array(0);
  const ql = implicitQLSteps(d, e, z, wantVectors ? n : 0);
  for (;;) {
    const step = ql.next();
    if (step.done === true) break;
    yield 0.6 + 0.4 * step.value;
  }
  return { n, values: d, vectors: z };
}

/**
 * Eigenvalues (ascending) and unit eigenvectors of the symmetric n×n matrix `a` (row-major,
 * length n²; only symmetric input is meaningful — symmetrize first). Synchronous.
 */
export function symmetricEigen(
  a: ArrayLike<number>,
  n: number,
  options: SymmetricEigenOptions = {},
): SymmetricEigen {
  return runToCompletion(symmetricEigenSteps(a, n, options.vectors ?? true));
}

/**
 * `symmetricEigen` in chunks of roughly `chunkWork` = 2·10⁷ multiply–adds: reports progress, honours cancellation and
 * yields to the host between chunks, so a D ≈ 3000 decomposition does not freeze a worker.
 */
export async function symmetricEigenChunked(
  a: ArrayLike<number>,
  n: number,
  options: SymmetricEigenOptions = {},
  opts: ChunkOptions = {},
): Promise<SymmetricEigen> {
  const steps = symmetricEigenSteps(a, n, options.vectors ?? true);
  const stride = Math.max(1, Math.floor((options.chunkWork ?? 2e7) / Math.max(1, n * n)));
  for (let count = 1; ; count++) {
    const step = steps.next();
    if (step.done === true) {
      await checkpoint(opts, 1);
      return step.value;
    }
    if (count % stride === 0) await checkpoint(opts, step.value);
  }
}
