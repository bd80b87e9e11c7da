/**
 * Extreme eigenpairs of a symmetric operator by Lanczos with full re-orthogonalization: the
 * ALGEBRAICALLY largest ("top") and/or smallest ("bottom") Ritz pairs — not the largest |λ|, the
 * mistake of power iteration when large negative eigenvalues exist.
 */
import type { LinearOperator } from '../linalg/linearOperator';
import { symmetricTridiagonalEigen } from '../linalg/tridiagonalEigen';
import { gaussian } from '../linalg/vector';
import type { ChunkOptions, Rng } from '../types';
import {
  lanczosTridiagonal,
  type LanczosConvergence,
  type LanczosTridiagonal,
} from './lanczosTridiagonal';

/** One Ritz pair: `A y ≈ θ y` with ‖y‖ = 1. */
export interface RitzPair {
  readonly value: number;
  /** Unit vector of length D. */
  readonly vector: Float64Array;
  /** `‖A y − θ y‖ = |β_m · s_m|`, the a-posteriori error bound: |θ − λ| ≤ residual for some λ. */
  readonly residual: number;
}

export interface LanczosOptions {
  /** Number of pairs wanted at each requested end. */
  k: number;
  which: 'top' | 'bottom' | 'both';
  /** Lanczos steps m (default min(D, max(2k + 30, 4k))); more steps, tighter pairs. */
  steps?: number;
  /**
   * Stop as soon as every wanted Ritz pair has `residual ≤ tolerance · |θ|` (ARPACK's criterion,
   * scipy's `eigsh(tol=…)`), but not before min(D, 2k + 1) steps; `steps` stays the cap. The
   * residual bounds the error, |θ − λ| ≤ residual, and for an isolated λ the error is of order
   * residual² / gap. Absent: always `steps`.
   */
  tolerance?: number;
  /** Draws the Gaussian start vector (and restart vectors). */
  rng: Rng;
}

export interface LanczosResult {
  /** Largest first: θ_1 ≥ θ_2 ≥ …, k of them ('top' or 'both'), else empty. */
  readonly top: RitzPair[];
  /** Smallest first: θ_1 ≤ θ_2 ≤ …, k of them ('bottom' or 'both'), else empty. */
  readonly bottom: RitzPair[];
  /** Operator applications used. */
  readonly steps: number;
}

/**
 * The k algebraically largest and/or smallest eigenpairs of the D×D symmetric operator A.
 * Ritz pairs (θ_j, Q s_j) from T_m = S Θ Sᵀ after m Lanczos steps from a Gaussian start vector;
 * with m = D they are exact. Cost: m applications, O(m²D) re-orthogonalization, O(m·k·D) to
 * form the vectors. Progress and cancellation after each application.
 */
export async function lanczos(
  op: LinearOperator,
  options: LanczosOptions,
  opts: ChunkOptions = {},
): Promise<LanczosResult> {
  const start = gaussian(op.dim, options.rng);
  const tridiagonal = await lanczosTridiagonal(
    op,
    start,
    {
      steps: lanczosSteps(op.dim, options),
      restart: options.rng,
      ...(options.tolerance === undefined ? {} : { converged: ritzConvergence(op.dim, options) }),
    },
    opts,
  );
  return ritzPairs(tridiagonal, op.dim, options);
}

/**
 * The stopping test of `options.tolerance`: the wanted Ritz pairs of T_j all within tolerance.
 * One eigen-decomposition of the j×j tridiagonal per step, O(j³) with j ≲ 100: nothing beside a
 * Hessian–vector product.
 */
export function ritzConvergence(
  dim: number,
  options: Pick<LanczosOptions, 'k' | 'which' | 'tolerance'>,
): LanczosConvergence {
  const { k, which, tolerance = 0 } = options;
  const least = Math.min(dim, 2 * k + 1);
  return (alpha, beta, residualNorm) => {
    const m = alpha.length;
    if (m < least) return false;
    const eig = symmetricTridiagonalEigen(alpha, beta, 'all');
    const within = (j: number) =>
      Math.abs(residualNorm * eig.vectors[j * m + m - 1]!) <= tolerance * Math.abs(eig.values[j]!);
    for (let i = 0; i < Math.min(k, m); i++) {
      if (which !== 'bottom' && !within(m - 1 - i)) return false;
      if (which !== 'top' && !within(i)) return false;
    }
    return true;
  };
}

/** The Lanczos steps `lanczos` takes: `options.steps`, else min(D, max(2k + 30, 4k)). */
export function lanczosSteps(dim: number, options: Pick<LanczosOptions, 'k' | 'steps'>): number {
  const { k } = options;
  return Math.min(dim, options.steps ?? Math.max(2 * k + 30, 4 * k));
}

/** The k top and/or bottom Ritz pairs of a finished Lanczos process (vectors of length `dim`). */
export function ritzPairs(
  tridiagonal: LanczosTridiagonal,
  dim: number,
  options: Pick<LanczosOptions, 'k' | 'which'>,
): LanczosResult {
  const { k, which } = options;
  const { alpha, beta, basis, residualNorm } = tridiagonal;
  const m = alpha.length;
  const eig = symmetricTridiagonalEigen(alpha, beta, 'all');
  const pair = (j: number): RitzPair => {
    const s = eig.vectors.subarray(j * m, (j + 1) * m);
    const y = new Float64Array(dim);
    for (let i = 0; i < m; i++) {
      const c = s[i]!;
      const q = basis[i]!;
      for (let t = 0; t < dim; t++) y[t]! += c * q[t]!;
    }
    return { value: eig.values[j]!, vector: y, residual: Math.abs(residualNorm * s[m - 1]!) };
  };
  const count = Math.min(k, m);
  const top: RitzPair[] = [];
  const bottom: RitzPair[] = [];
  if (which !== 'bottom') for (let j = 0; j < count; j++) top.push(pair(m - 1 - j));
  if (which !== 'top') for (let j = 0; j < count; j++) bottom.push(pair(j));
  return { top, bottom, steps: m };
}
