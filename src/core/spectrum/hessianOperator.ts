/**
 * The Hessian of a tfjs loss as a `LinearOperator`: float64 vectors outside, float32 tensors and
 * one double back-propagation (`hessianVectorProduct`) inside, nothing left allocated.
 */
import * as tf from '@tensorflow/tfjs-core';
import { hessianVectorProduct, installSecondOrderGradients } from '../autodiff';
import type { LinearOperator } from '../linalg/linearOperator';

/** A `LinearOperator` that holds a tensor: call `dispose()` when done. */
export interface HessianOperator extends LinearOperator {
  dispose(): void;
}

/**
 * k products at once: rows H(w) v_g of `v` [k, D] at `w` [D], returned as a new [k, D] tensor
 * (e.g. `batchedHessianVectorProducts` on a row loss, or an MLP's `denseChainHessianVectorProducts`).
 */
export interface BatchedProducts {
  readonly products: (w: tf.Tensor1D, v: tf.Tensor2D) => tf.Tensor2D;
  /** Most rows per call (a memory bound). */
  readonly size: number;
  /**
   * Optional: rows H(w) e_j for j in [start, end) at `w`, as a new [end − start, D] tensor (the
   * same numbers as `products` on the unit vectors, cheaper when it can exploit their sparsity).
   */
  readonly columns?: (w: tf.Tensor1D, start: number, end: number) => tf.Tensor2D;
  /**
   * Optional: the same products at one fixed w, with whatever does not depend on the directions
   * (a forward pass, say) computed once; `hessianOperator` prepares its point with it.
   */
  readonly at?: (w: tf.Tensor1D) => PreparedProducts;
}

/** `BatchedProducts` bound to one point; `dispose` frees what it keeps. */
export interface PreparedProducts {
  readonly products: (v: tf.Tensor2D) => tf.Tensor2D;
  readonly columns?: (start: number, end: number) => tf.Tensor2D;
  dispose(): void;
}

/**
 * `v ↦ H(w) v` with `H = ∇²f(w)`, `f: R^D → R` a twice-differentiable tfjs closure (e.g. the full
 * training loss of a model), `w` of length D. Keeps its own copy of `w` on the backend; each
 * `apply` uploads v as float32, runs one Hessian–vector product, awaits the read-back (WebGPU
 * forbids sync reads) and returns it as float64. With `batched`, `applyMany` runs up to
 * `batched.size` vectors through one call (one upload, one read-back), and `apply` is that call
 * with one vector. Installs the second-order
 * gradient fix (idempotent).
 */
export function hessianOperator(
  f: (w: tf.Tensor1D) => tf.Scalar,
  w: ArrayLike<number> | tf.Tensor1D,
  batched?: BatchedProducts,
): HessianOperator {
  installSecondOrderGradients();
  const point = w instanceof tf.Tensor ? tf.clone(w) : tf.tensor1d(Float32Array.from(w));
  const dim = point.shape[0];
  let disposed = false;
  const check = (v: Float64Array) => {
    if (disposed) throw new Error('hessianOperator: used after dispose()');
    if (v.length !== dim)
      throw new Error(`hessianOperator: vector of length ${v.length}, not ${dim}`);
  };
  /** The k rows of `hv` [k, D] as float64, `hv` disposed. */
  const readRows = async (hv: tf.Tensor2D, k: number): Promise<Float64Array[]> => {
    try {
      const data = await hv.data();
      return Array.from({ length: k }, (_, g) =>
        Float64Array.from(data.subarray(g * dim, (g + 1) * dim)),
      );
    } finally {
      hv.dispose();
    }
  };
  const prepared: PreparedProducts | undefined = batched
    ? (batched.at?.(point) ?? {
        products: (v) => batched.products(point, v),
        ...(batched.columns
          ? { columns: (start: number, end: number) => batched.columns!(point, start, end) }
          : {}),
        dispose: () => {},
      })
    : undefined;
  const many = prepared
    ? (vs: readonly Float64Array[]): Promise<Float64Array[]> => {
        vs.forEach(check);
        const flat = new Float32Array(vs.length * dim);
        vs.forEach((v, g) => flat.set(v, g * dim));
        const hv = tf.tidy(() => prepared.products(tf.tensor2d(flat, [vs.length, dim])));
        return readRows(hv, vs.length);
      }
    : undefined;
  const columns = prepared?.columns;
  return {
    dim,
    async apply(v: Float64Array): Promise<Float64Array> {
      if (many) return (await many([v]))[0]!;
      check(v);
      const hv = tf.tidy(() => hessianVectorProduct(f, point, tf.tensor1d(Float32Array.from(v))));
      try {
        return Float64Array.from(await hv.data());
      } finally {
        hv.dispose();
      }
    },
    ...(many && batched ? { applyMany: many, batchSize: batched.size } : {}),
    ...(columns
      ? {
          columns: (start: number, end: number) => {
            if (disposed) throw new Error('hessianOperator: used after dispose()');
            return readRows(
              tf.tidy(() => columns(start, end)),
              end - start,
            );
          },
        }
      : {}),
    dispose() {
      if (!disposed) {
        prepared?.dispose();
        point.dispose();
      }
      disposed = true;
    },
  };
}

/** `∇f(w)` as float64, shape [D]; allocates nothing that outlives the call. */
export async function gradientVector(
  f: (w: tf.Tensor1D) => tf.Scalar,
  w: ArrayLike<number> | tf.Tensor1D,
): Promise<Float64Array> {
  const g = tf.tidy(() => {
    const point = w instanceof tf.Tensor ? w : tf.tensor1d(Float32Array.from(w));
    return tf.grad((u: tf.Tensor) => f(u as tf.Tensor1D))(point);
  });
  try {
    return Float64Array.from(await g.data());
  } finally {
    g.dispose();
  }
}
