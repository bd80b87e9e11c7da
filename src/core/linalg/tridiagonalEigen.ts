/**
 * Eigenvalues and eigenvectors of a real symmetric tridiagonal matrix by the implicit QL method
 * with Wilkinson-type shifts (tql2 of EISPACK, after the public-domain JAMA port). The Lanczos
 * instruments use it for Ritz values, Ritz vectors and — for quadrature — first components only.
 */

/** Sweeps allowed per eigenvalue before the QL iteration gives up (it needs ~2 in practice). */
const MAX_SWEEPS_PER_EIGENVALUE = 60;

/**
 * The QL iteration on a tridiagonal matrix `T`, as a generator that yields a rough progress
 * fraction after each eigenvalue so callers can interleave it with a host's event loop.
 *
 * @param d diagonal, length n (overwritten with the eigenvalues, ascending, on return)
 * @param e sub-diagonal: `e[i] = T[i+1][i]` for i < n−1, `e[n−1] = 0` (destroyed)
 * @param z transformation accumulated from the right, stored TRANSPOSED and row-major as
 *   [n][r]: `z[i*r + k] = V[k][i]`. Start from the identity (r = n) for eigenvectors of T, from
 *   its first row (r = 1, z[i] = δ_{i0}) for first components only, from the Householder
 *   transform for a dense matrix, or r = 0 for eigenvalues only. On return row j of z is the
 *   (r tracked components of the) eigenvector of `d[j]`.
 */
export function* implicitQLSteps(
  d: Float64Array,
  e: Float64Array,
  z: Float64Array,
  r: number,
): Generator<number, void> {
  const n = d.length;
  if (n === 0) return;
  const eps = 2 ** -52;
  let f = 0;
  let tst1 = 0;
  e[n - 1] = 0;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]!) + Math.abs(e[l]!));
    let m = l;
    while (m < n - 1 && Math.abs(e[m]!) > eps * tst1) m++;
    if (m > l) {
      let sweeps = 0;
      do {
        if (++sweeps > MAX_SWEEPS_PER_EIGENVALUE) {
          throw new Error(`implicit QL did not converge for eigenvalue ${l} of ${n}`);
        }
        let g = d[l]!;
        let p = (d[l + 1]! - g) / (2 * e[l]!);
        let rr = Math.hypot(p, 1);
        if (p < 0) rr = -rr;
        d[l] = e[l]! / (p + rr);
        d[l + 1] = e[l]! * (p + rr);
        const dl1 = d[l + 1]!;
        let h = g - d[l]!;
        for (let i = l + 2; i < n; i++) d[i]! -= h;
        f += h;
        p = d[m]!;
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1]!;
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i]!;
          h = c * p;
          rr = Math.hypot(p, e[i]!);
          e[i + 1] = s * rr;
          s = e[i]! / rr;
          c = p / rr;
          p = c * d[i]! - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]!);
          // Rows i and i+1 of the transposed accumulator are contiguous: the rotation streams.
          const a = i * r;
          const b = a + r;
          for (let k = 0; k < r; k++) {
            const zb = z[b + k]!;
            const za = z[a + k]!;
            z[b + k] = s * za + c * zb;
            z[a + k] = c * za - s * zb;
          }
        }
        p = (-s * s2 * c3 * el1 * e[l]!) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l]!) > eps * tst1);
    }
    d[l]! += f;
    e[l] = 0;
    yield (l + 1) / n;
  }
  sortAscending(d, z, r);
}

/** Selection sort of the eigenvalues, swapping the matching rows of `z`. */
function sortAscending(d: Float64Array, z: Float64Array, r: number): void {
  const n = d.length;
  for (let i = 0; i < n - 1; i++) {
    let k = i;
    let p = d[i]!;
    for (let j = i + 1; j < n; j++) {
      if (d[j]! < p) {
        k = j;
        p = d[j]!;
      }
    }
    if (k !== i) {
      d[k] = d[i]!;
      d[i] = p;
      for (let j = 0; j < r; j++) {
        const t = z[i * r + j]!;
        z[i * r + j] = z[k * r + j]!;
        z[k * r + j] = t;
      }
    }
  }
}

/** Runs a step generator to completion and returns its result. */
export function runToCompletion<T>(steps: Generator<number, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done === true) return next.value;
  }
}

/** What to compute besides the eigenvalues of a tridiagonal matrix. */
export type TridiagonalVectors = 'none' | 'first' | 'all';

/** Eigen-decomposition of a symmetric tridiagonal matrix of order n. */
export interface TridiagonalEigen {
  /** Eigenvalues θ_1 ≤ … ≤ θ_n. */
  readonly values: Float64Array;
  /** First component of each unit eigenvector, `firstComponents[j] = s_j[0]`; empty for 'none'. */
  readonly firstComponents: Float64Array;
  /** Unit eigenvectors, row j = eigenvector of `values[j]` (row-major n×n); empty unless 'all'. */
  readonly vectors: Float64Array;
}

/**
 * Eigen-decomposition `T = S Θ Sᵀ` of the symmetric tridiagonal T with `T[i][i] = diagonal[i]`
 * and `T[i][i+1] = T[i+1][i] = offDiagonal[i]`. Cost O(n²) for values and first components
 * (what Lanczos quadrature needs), O(n³) for all vectors. Inputs are not modified.
 *
 * @param diagonal length n
 * @param offDiagonal length n − 1 (extra entries are ignored)
 */
export function symmetricTridiagonalEigen(
  diagonal: ArrayLike<number>,
  offDiagonal: ArrayLike<number>,
  vectors: TridiagonalVectors = 'all',
): TridiagonalEigen {
  const n = diagonal.length;
  const d = Float64Array.from(diagonal);
  const e = new Float64Array(n);
  for (let i = 0; i < n - 1; i++) e[i] = offDiagonal[i]!;
  const r = vectors === 'all' ? n : vectors === 'first' ? 1 : 0;
  const z = new Float64Array(n * r);
  if (r === n) for (let i = 0; i < n; i++) z[i * n + i] = 1;
  else if (r === 1 && n > 0) z[0] = 1;
  runToCompletion(implicitQLSteps(d, e, z, r));
  const first = new Float64Array(r === 0 ? 0 : n);
  if (r > 0) for (let j = 0; j < n; j++) first[j] = z[j * r]!;
  return { values: d, firstComponents: first, vectors: r === n ? z : new Float64Array(0) };
}
