/**
 * A symmetric linear map on R^D known only through its action: the Hessian is never stored, only
 * applied (one Hessian–vector product per call). `apply` is async because reading a tensor back
 * from a GPU backend is. Vectors cross the boundary as float64.
 */
export interface LinearOperator {
  /** D, the length of the vectors it acts on. */
  readonly dim: number;
  /** `A v`, a new vector of length D; must not modify `v`. */
  apply(v: Float64Array): Promise<Float64Array>;
  /**
   * Optional: `[A v_1 … A v_k]` for up to `batchSize` vectors in one pass (the same numbers as
   * `apply` on each, cheaper per vector). Use `applyToMany`, which falls back to `apply`.
   */
  applyMany?(vs: readonly Float64Array[]): Promise<Float64Array[]>;
  /** Most vectors `applyMany` takes in one call (a memory bound); 1 without `applyMany`. */
  readonly batchSize?: number;
  /**
   * Optional: the columns `A e_j` for j in [start, end) (at most `batchSize`), the same numbers as
   * `applyMany` on the unit vectors, for an operator that can exploit their sparsity.
   */
  columns?(start: number, end: number): Promise<Float64Array[]>;
}

/**
 * `A v` for every v of `vs`, in passes of at most `op.batchSize` vectors through `op.applyMany`
 * when the operator has it, else one `apply` per vector. `onPass(done)` runs after each pass.
 */
export async function applyToMany(
  op: LinearOperator,
  vs: readonly Float64Array[],
  onPass?: (done: number) => Promise<void> | void,
): Promise<Float64Array[]> {
  const size = op.applyMany ? Math.max(1, op.batchSize ?? 1) : 1;
  const out: Float64Array[] = [];
  for (let start = 0; start < vs.length; start += size) {
    const chunk = vs.slice(start, start + size);
    if (op.applyMany && chunk.length > 1) out.push(...(await op.applyMany(chunk)));
    else for (const v of chunk) out.push(await op.apply(v));
    await onPass?.(out.length);
  }
  return out;
}

/** The operator `v ↦ A v` of a dense row-major D×D matrix `a`. */
export function denseOperator(a: ArrayLike<number>, dim: number): LinearOperator {
  if (a.length !== dim * dim) throw new Error(`denseOperator: expected ${dim * dim} entries`);
  return {
    dim,
    apply: (v) => Promise.resolve(matVec(a, dim, v)),
  };
}

/** `A v` for a dense row-major D×D matrix, shape [D]. */
export function matVec(a: ArrayLike<number>, dim: number, v: ArrayLike<number>): Float64Array {
  const out = new Float64Array(dim);
  for (let i = 0; i < dim; i++) {
    let s = 0;
    const row = i * dim;
    for (let j = 0; j < dim; j++) s += a[row + j]! * v[j]!;
    out[i] = s;
  }
  return out;
}

/** In place `A ← (A + Aᵀ)/2` for a row-major D×D matrix; returns max |A_ij − A_ji| before. */
export function symmetrizeInPlace(a: Float64Array, dim: number): number {
  let asymmetry = 0;
  for (let i = 0; i < dim; i++) {
    for (let j = i + 1; j < dim; j++) {
      const x = a[i * dim + j]!;
      const y = a[j * dim + i]!;
      asymmetry = Math.max(asymmetry, Math.abs(x - y));
      const m = 0.5 * (x + y);
      a[i * dim + j] = m;
      a[j * dim + i] = m;
    }
  }
  return asymmetry;
}
