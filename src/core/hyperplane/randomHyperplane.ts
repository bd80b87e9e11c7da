/**
 * A random d-dimensional affine hyperplane of parameter space, θ = θ₀ + M φ, M a D×d matrix with
 * orthonormal columns (Li, Farkhoor, Liu & Yosinski 2018, "Measuring the intrinsic dimension of
 * objective landscapes"; Fort & Scherlis 2019, "The Goldilocks zone").
 *
 * Memory: when D·d ≤ `maxDenseEntries` (default 2²⁴ ≈ 16.8M, 64 MB as float32) M is stored as
 * float32, column-major, with columns orthonormalized by Gram–Schmidt (twice) in float64 — exactly
 * orthonormal up to float32 rounding (|mᵢ·mⱼ − δᵢⱼ| ≲ 1e-6). Above that, 'streamed': column j is
 * regenerated from its own seeded stream on every use (O(D) memory, O(D·d) normal draws per
 * product) and only normalized, not orthogonalized — in high dimension independent Gaussian
 * directions are orthogonal up to |mᵢ·mⱼ| ~ 1/√D, so MᵀM = I + O(1/√D).
 */
import { normalizeInPlace, orthogonalizeInPlace } from '../linalg/vector';
import { createRng } from '../random';
import type { StreamName } from '../types';

export interface RandomHyperplane {
  /** D, the parameter count. */
  readonly dim: number;
  /** d, the hyperplane's dimension. */
  readonly subspaceDim: number;
  readonly storage: 'dense' | 'streamed';
  /** Column j of M, a unit vector [D] (a new array). */
  column(j: number): Float64Array;
  /** M φ, shape [D], for φ [d]. */
  embed(phi: ArrayLike<number>): Float64Array;
  /** Mᵀ g, shape [d], for g [D]: the chain rule's gradient with respect to φ. */
  project(g: ArrayLike<number>): Float64Array;
  /** M as float32 column-major [d][D] (column j at j·D), or undefined when streamed. */
  readonly dense: Float32Array | undefined;
}

/**
 * A random hyperplane of dimension d in R^D drawn from `seed` (the 'directions' stream unless
 * `stream` names another, one sub-stream per column: column j is the same whatever d is).
 */
export function randomHyperplane(
  dim: number,
  subspaceDim: number,
  options: { seed: number; maxDenseEntries?: number; stream?: StreamName },
): RandomHyperplane {
  if (!(subspaceDim >= 1 && subspaceDim <= dim)) throw new RangeError('need 1 ≤ d ≤ D');
  const raw = (j: number): Float64Array => {
    const rng = createRng(options.seed, options.stream ?? 'directions', j);
    const c = Float64Array.from({ length: dim }, () => rng.normal());
    normalizeInPlace(c);
    return c;
  };
  const denseOk = dim * subspaceDim <= (options.maxDenseEntries ?? 2 ** 24);
  let dense: Float32Array | undefined;
  if (denseOk) {
    dense = new Float32Array(dim * subspaceDim);
    const basis: Float64Array[] = [];
    for (let j = 0; j < subspaceDim; j++) {
      const c = raw(j);
      orthogonalizeInPlace(c, basis);
      normalizeInPlace(c);
      basis.push(c);
      dense.set(c, j * dim);
    }
  }
  const column = (j: number): Float64Array =>
    dense ? Float64Array.from(dense.subarray(j * dim, (j + 1) * dim)) : raw(j);
  return {
    dim,
    subspaceDim,
    storage: dense ? 'dense' : 'streamed',
    dense,
    column,
    embed(phi) {
      const out = new Float64Array(dim);
      for (let j = 0; j < subspaceDim; j++) {
        const p = phi[j]!;
        if (p === 0) continue;
        const c = dense ? dense.subarray(j * dim, (j + 1) * dim) : raw(j);
        for (let i = 0; i < dim; i++) out[i]! += p * c[i]!;
      }
      return out;
    },
    project(g) {
      const out = new Float64Array(subspaceDim);
      for (let j = 0; j < subspaceDim; j++) {
        const c = dense ? dense.subarray(j * dim, (j + 1) * dim) : raw(j);
        let s = 0;
        for (let i = 0; i < dim; i++) s += c[i]! * g[i]!;
        out[j] = s;
      }
      return out;
    },
  };
}
