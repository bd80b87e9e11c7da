/**
 * Dense real symmetric eigensolver: Householder reduction to tridiagonal form (tred2) followed by
 * the implicit QL iteration (tql2), after EISPACK and the public-domain JAMA port. Float64
 * throughout, robust for the exact Hessian spectra of models with D up to a few thousand
 * parameters: O(4/3·m³) for eigenvalues only, about O(9·m³) with eigenvectors, m the rows that
 * are not identically zero (the others are split off exactly first).
 */
import type { ChunkOptions } from '../types';
import { checkpoint } from './checkpoint';
import { implicitQLSteps, runToCompletion } from './tridiagonalEigen';
import { embedZeroRows, gather, nonzeroRows, principalSubmatrix } from './zeroRowDeflation';

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
 * The eigensolver as a generator yielding progress fractions: the identically zero rows split off
 * first (`zeroRowDeflation`), then Householder–QL on the rest.
 */
function* symmetricEigenSteps(
  a: ArrayLike<number>,
  n: number,
  wantVectors: boolean,
  project: readonly ArrayLike<number>[] = [],
): Generator<number, SymmetricEigen> {
  if (a.length !== n * n)
    throw new Error(`symmetricEigen: expected ${n * n} entries, got ${a.length}`);
  for (const x of project)
    if (x.length !== n) throw new Error(`symmetricEigen: projected vector of length ${x.length}`);
  const keep = nonzeroRows(a, n);
  if (keep.length === n) return yield* householderQLSteps(a, n, wantVectors, project);
  const reduced = yield* householderQLSteps(
    principalSubmatrix(a, n, keep),
    keep.length,
    wantVectors,
    project.map((x) => gather(x, keep)),
  );
  return embedZeroRows(reduced, n, keep, wantVectors, project);
}

/**
 * Householder–QL as a generator yielding a progress fraction after each O(n²) piece of work.
 * Works on the TRANSPOSE W = Vᵀ of tred2's accumulator so that every inner loop is contiguous;
 * since A is symmetric, W starts as a copy of A.
 */
function* householderQLSteps(
  a: ArrayLike<number>,
  n: number,
  wantVectors: boolean,
  project: readonly ArrayLike<number>[],
): Generator<number, SymmetricEigen> {
  const w = Float64Array.from(a);
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  const empty = new Float64Array(0);
  if (n === 0) return { n, values: d, vectors: empty, projections: empty };

  yield* reduceToTridiagonal(w, d, e, n);

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
 * tred2's Householder reduction of the upper triangle of `w` (row-major n×n) to tridiagonal form,
 * each step's rank-2 update fused with the next step's symmetric product in one descending sweep
 * over the rows: the triangle streams through memory once per step instead of twice (JAMA's loop
 * order, same arithmetic up to the order of the sums). Step i reflects x = column i of the block
 * 0…i (entries < i): u = x/scale − g·e_{i−1}, so A u = (A x)/scale − g · (column i − 1), both from
 * the sweep. Leaves e[i] = T[i][i−1], d[i] = h_i (i ≥ 1), u_i in row i below the diagonal, T's
 * diagonal on w's, and zeros above it in the reflected columns — what tred2 leaves.
 */
function* reduceToTridiagonal(
  w: Float64Array,
  d: Float64Array,
  e: Float64Array,
  n: number,
): Generator<number, void> {
  const x = new Float64Array(n);
  const ax = new Float64Array(n);
  const u = new Float64Array(n);
  const q = new Float64Array(n);
  // The update w −= u qᵀ + q uᵀ on the block 0…i of the step before, not yet applied.
  let pending = false;
  for (let i = n - 1; i > 0; i--) {
    ax.fill(0, 0, i);
    const last = i * n + i;
    if (pending) w[last]! -= 2 * u[i]! * q[i]!;
    if (i + 1 < n) w[i * n + i + 1] = 0;
    let j = i - 1;
    // Rows two at a time while an update is pending: rows j and j − 1 share every load of u, q, x
    // and every update of ax[k].
    if (pending) {
      const qi = q[i]!;
      const ui = u[i]!;
      for (; j >= 1; j -= 2) {
        const ra = j * n;
        const rb = ra - n;
        const ua = u[j]!;
        const qa = q[j]!;
        const ub = u[j - 1]!;
        const qb = q[j - 1]!;
        const xa = (w[ra + i]! -= ua * qi + qa * ui);
        const xb = (w[rb + i]! -= ub * qi + qb * ui);
        x[j] = xa;
        x[j - 1] = xb;
        w[ra + i] = 0;
        w[rb + i] = 0;
        if (i + 1 < n) {
          w[ra + i + 1] = 0;
          w[rb + i + 1] = 0;
        }
        // Row j − 1's diagonal, the one entry row j does not have.
        const vd = (w[rb + j - 1]! -= 2 * ub * qb);
        let ownA0 = 0;
        let ownA1 = 0;
        let ownB0 = vd * xb;
        let ownB1 = 0;
        ax[j - 1]! += vd * xb;
        const wa = w.subarray(ra, ra + i);
        const wb = w.subarray(rb, rb + i);
        let k = j;
        for (; k + 1 < i; k += 2) {
          const q0 = q[k]!;
          const u0 = u[k]!;
          const q1 = q[k + 1]!;
          const u1 = u[k + 1]!;
          const a0 = (wa[k]! -= ua * q0 + qa * u0);
          const a1 = (wa[k + 1]! -= ua * q1 + qa * u1);
          const b0 = (wb[k]! -= ub * q0 + qb * u0);
          const b1 = (wb[k + 1]! -= ub * q1 + qb * u1);
          const x0 = x[k]!;
          const x1 = x[k + 1]!;
          ownA0 += a0 * x0;
          ownA1 += a1 * x1;
          ownB0 += b0 * x0;
          ownB1 += b1 * x1;
          ax[k]! += a0 * xa + b0 * xb;
          ax[k + 1]! += a1 * xa + b1 * xb;
        }
        for (; k < i; k++) {
          const a0 = (wa[k]! -= ua * q[k]! + qa * u[k]!);
          const b0 = (wb[k]! -= ub * q[k]! + qb * u[k]!);
          ownA0 += a0 * x[k]!;
          ownB0 += b0 * x[k]!;
          ax[k]! += a0 * xa + b0 * xb;
        }
        // ax[j] and ax[j − 1] got their diagonal terms above, and their own sums counted them.
        ax[j]! += ownA0 + ownA1 - wa[j]! * xa;
        ax[j - 1]! += ownB0 + ownB1 - vd * xb;
      }
    }
    for (; j >= 0; j--) {
      const row = j * n;
      const uj = u[j]!;
      const qj = q[j]!;
      if (pending) {
        w[row + i]! -= uj * q[i]! + qj * u[i]!;
        if (i + 1 < n) w[row + i + 1] = 0;
      }
      const xj = w[row + i]!;
      x[j] = xj;
      w[row + i] = 0;
      let own = 0;
      for (let k = j; k < i; k++) {
        const v = pending ? (w[row + k]! -= uj * q[k]! + qj * u[k]!) : w[row + k]!;
        own += v * x[k]!;
        ax[k]! += v * xj;
      }
      // ax[j] got v·x_j from k = j above; own counted it too.
      ax[j]! += own - w[row + j]! * xj;
    }
    let scale = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(x[k]!);
    let h = 0;
    if (scale === 0) {
      e[i] = x[i - 1]!;
      for (let j = 0; j < i; j++) w[i * n + j] = 0;
      pending = false;
    } else {
      for (let k = 0; k < i; k++) {
        u[k] = x[k]! / scale;
        h += u[k]! * u[k]!;
      }
      const f = u[i - 1]!;
      let g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h -= f * g;
      u[i - 1] = f - g;
      for (let j = 0; j < i; j++) w[i * n + j] = u[j]!;
      // p = A u / h with A u = (A x)/scale − g·(column i − 1 of the block), then q = p − K u.
      let pu = 0;
      for (let j = 0; j < i; j++) {
        const p = (ax[j]! / scale - g * w[j * n + i - 1]!) / h;
        q[j] = p;
        pu += p * u[j]!;
      }
      const hh = pu / (h + h);
      for (let j = 0; j < i; j++) q[j]! -= hh * u[j]!;
      pending = true;
    }
    d[i] = h;
    yield 0.4 * (1 - (i / n) ** 3);
  }
  if (n > 0) {
    if (pending) w[0]! -= 2 * u[0]! * q[0]!;
    if (n > 1) w[1] = 0;
    d[0] = w[0]!;
  }
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
