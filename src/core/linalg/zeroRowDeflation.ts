/**
 * Deflation of the identically zero rows of a symmetric matrix before a dense eigensolve. A row
 * of zeros (and, by symmetry, its column) is an exact eigenpair (0, e_i) split off from the rest:
 * A = P (B ⊕ 0) Pᵀ with B the block of the other rows. Exact Hessians have many such rows — the
 * weights of an input pixel that is zero in every sample (48 of 196 pixels in 200 downsampled
 * MNIST digits: 480 of the bench model's 2,080 parameters), the weights of a dead ReLU unit — and
 * the O(n³) eigensolve of B instead of A is (m/n)³ of the cost.
 */
import type { SymmetricEigen } from './symmetricEigen';

/** Indices of the rows of the row-major n×n `a` with at least one nonzero entry, ascending. */
export function nonzeroRows(a: ArrayLike<number>, n: number): Int32Array {
  const keep: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = i * n;
    for (let j = 0; j < n; j++) {
      if (a[row + j] !== 0) {
        keep.push(i);
        break;
      }
    }
  }
  return Int32Array.from(keep);
}

/** The m×m block of `a` (n×n, row-major) on rows and columns `keep` (m of them). */
export function principalSubmatrix(
  a: ArrayLike<number>,
  n: number,
  keep: Int32Array,
): Float64Array {
  const m = keep.length;
  const b = new Float64Array(m * m);
  for (let r = 0; r < m; r++) {
    const row = keep[r]! * n;
    for (let c = 0; c < m; c++) b[r * m + c] = a[row + keep[c]!]!;
  }
  return b;
}

/** The entries `keep` of x. */
export function gather(x: ArrayLike<number>, keep: Int32Array): Float64Array {
  return Float64Array.from(keep, (i) => x[i]!);
}

/**
 * The eigen-decomposition of the n×n A from that of its block B on `keep` (`reduced`, of order
 * m, computed with the gathered `project` vectors): B's pairs with their vectors scattered to
 * `keep` (when `withVectors`), and one pair (0, e_i) per row i not kept; values ascending, the zeros after B's
 * negative values. Projections onto e_i are x_k[i].
 */
export function embedZeroRows(
  reduced: SymmetricEigen,
  n: number,
  keep: Int32Array,
  withVectors: boolean,
  project: readonly ArrayLike<number>[],
): SymmetricEigen {
  const m = keep.length;
  const r = project.length;
  const kept = new Uint8Array(n);
  for (const i of keep) kept[i] = 1;
  const zeros: number[] = [];
  for (let i = 0; i < n; i++) if (kept[i] === 0) zeros.push(i);
  const values = new Float64Array(n);
  const vectors = new Float64Array(withVectors ? n * n : 0);
  const projections = new Float64Array(n * r);
  const negatives = reduced.values.findIndex((v) => v >= 0);
  const below = negatives === -1 ? m : negatives;
  const fromReduced = (j: number, to: number) => {
    values[to] = reduced.values[j]!;
    if (withVectors) {
      const source = reduced.vectors.subarray(j * m, (j + 1) * m);
      const target = vectors.subarray(to * n, (to + 1) * n);
      for (let c = 0; c < m; c++) target[keep[c]!] = source[c]!;
    }
    for (let k = 0; k < r; k++) projections[to * r + k] = reduced.projections[j * r + k]!;
  };
  for (let j = 0; j < below; j++) fromReduced(j, j);
  zeros.forEach((i, z) => {
    const to = below + z;
    values[to] = 0;
    if (withVectors) vectors[to * n + i] = 1;
    for (let k = 0; k < r; k++) projections[to * r + k] = project[k]![i]!;
  });
  for (let j = below; j < m; j++) fromReduced(j, j + zeros.length);
  return { n, values, vectors, projections };
}
