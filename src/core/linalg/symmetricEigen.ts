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
  /**
   * With `project: [x_1 … x_r]`: `projections[j*r + k] = x_k · v_j`, the coordinates of the
   * given vectors in the eigenbasis (row-major n×r); empty otherwise.
   */
  readonly projections: Float64Array;
}

export interface SymmetricEigenOptions {
  /** Compute eigenvectors too (default true). */
  vectors?: boolean;
  /** Chunked version only: approximate multiply–adds between checkpoints (default 2·10⁷). */
  chunkWork?: number;
  /**
   * Vectors x_k (length n) whose eigen-coordinates x_k · v_j to return as `projections`. Without
   * eigenvectors they cost O(r·n²) on top of the eigenvalues (Qᵀx_k from the stored Householder
   * reflectors, then the QL rotations applied to r rows instead of n): how the gradient's
   * confinement to the top eigenvectors is measured at eigenvalue-only cost.
   */
  project?: readonly ArrayLike<number>[];
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
  project: readonly ArrayLike<number>[] = [],
): Generator<number, SymmetricEigen> {
  if (a.length !== n * n)
    throw new Error(`symmetricEigen: expected ${n * n} entries, got ${a.length}`);
  const w = Float64Array.from(a);
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  const empty = new Float64Array(0);
  if (n === 0) return { n, values: d, vectors: empty, projections: empty };

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

  let z: Float64Array = empty;
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
    if (project.length > 0) z = reflectedRows(w, d, n, project);
    for (let j = 0; j < n; j++) d[j] = w[j * n + j]!;
  }
  // tred2 leaves e[i] = T[i][i−1]; the QL steps want e[i] = T[i+1][i].
  for (let i = 1; i < n; i++) e[i - 1] = e[i]!;
  e[n - 1] = 0;

  if (wantVectors) z = w;
  const ql = implicitQLSteps(d, e, z, wantVectors ? n : project.length);
  for (;;) {
    const step = ql.next();
    if (step.done === true) break;
    yield 0.6 + 0.4 * step.value;
  }
  if (!wantVectors) return { n, values: d, vectors: empty, projections: z };
  const r = project.length;
  const projections = new Float64Array(n * r);
  for (let j = 0; j < n; j++) {
    const v = z.subarray(j * n, (j + 1) * n);
    for (let k = 0; k < r; k++) {
      const x = project[k]!;
      let s = 0;
      for (let i = 0; i < n; i++) s += v[i]! * x[i]!;
      projections[j * r + k] = s;
    }
  }
  return { n, values: d, vectors: z, projections };
}

/**
 * Y = Qᵀ[x_1 … x_r] for tred2's orthogonal Q = P_{n−2} ⋯ P_0 (A = Q T Qᵀ), stored transposed
 * ([n][r], `y[i*r + k] = (Qᵀx_k)_i`) as the QL iteration's accumulator wants it. P_i = I − u uᵀ/h
 * acts on coordinates 0…i, u = row i+1 of the reduced `w` (its first i+1 entries), h = d[i+1].
 */
function reflectedRows(
  w: Float64Array,
  d: Float64Array,
  n: number,
  xs: readonly ArrayLike<number>[],
): Float64Array {
  const r = xs.length;
  const y = new Float64Array(n * r);
  for (const [k, x] of xs.entries()) {
    if (x.length !== n) throw new Error(`symmetricEigen: projected vector of length ${x.length}`);
    const col = Float64Array.from(x);
    for (let i = n - 2; i >= 0; i--) {
      const h = d[i + 1]!;
      if (h === 0) continue;
      const u = (i + 1) * n;
      let s = 0;
      for (let t = 0; t <= i; t++) s += w[u + t]! * col[t]!;
      s /= h;
      for (let t = 0; t <= i; t++) col[t]! -= s * w[u + t]!;
    }
    for (let i = 0; i < n; i++) y[i * r + k] = col[i]!;
  }
  return y;
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
  return runToCompletion(symmetricEigenSteps(a, n, options.vectors ?? true, options.project));
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
  const steps = symmetricEigenSteps(a, n, options.vectors ?? true, options.project);
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
