import * as tf from '@tensorflow/tfjs-core';
import { hessianVectorProduct } from '../autodiff/hessianVectorProduct';

/** The full Hessian [D, D] (row-major, row k = H e_k) of `f` at `w` from D HVPs. Tests only. */
export function denseHessian(f: (w: tf.Tensor1D) => tf.Scalar, w: tf.Tensor1D): Float64Array {
  const d = w.shape[0];
  const h = new Float64Array(d * d);
  for (let k = 0; k < d; k++) {
    const e = new Float32Array(d);
    e[k] = 1;
    const column = tf.tidy(() => hessianVectorProduct(f, w, tf.tensor1d(e)));
    h.set(column.dataSync(), k * d);
    column.dispose();
  }
  return h;
}

/** max |a − b| / max |b| — the relative error of a matrix or vector against a reference. */
export function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < b.length; i++) {
    num = Math.max(num, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
    den = Math.max(den, Math.abs(b[i] ?? 0));
  }
  return num / den;
}
