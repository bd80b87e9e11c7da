/**
 * The Lanczos process with full re-orthogonalization: from a start vector q₁, an orthonormal
 * basis Q_m = [q₁ … q_m] of the Krylov space and the tridiagonal T_m = Q_mᵀ A Q_m, one operator
 * application per step.
 */
import { checkpoint } from '../linalg/checkpoint';
import type { LinearOperator } from '../linalg/linearOperator';
import {
  axpy,
  dot,
  gaussian,
  norm,
  normalizeInPlace,
  orthogonalizeInPlace,
  scaleInPlace,
} from '../linalg/vector';
import type { ChunkOptions, Rng } from '../types';

/** `β_j` below this times the largest |α|, |β| seen counts as an invariant subspace (breakdown). */
const BREAKDOWN = 1e-10;

export interface LanczosTridiagonal {
  /** Diagonal of T, α_j = q_jᵀ A q_j, length m (m ≤ the steps asked for, see `restart`). */
  readonly alpha: Float64Array;
  /** Off-diagonal of T, β_j = T[j][j+1], length m − 1 (0 where the process was restarted). */
  readonly beta: Float64Array;
  /** The orthonormal basis q₁ … q_m, each of length D. */
  readonly basis: Float64Array[];
  /** β_m = ‖w‖ after the last step: A Q_m = Q_m T_m + β_m q_{m+1} e_mᵀ (0 at breakdown). */
  readonly residualNorm: number;
}

export interface LanczosTridiagonalOptions {
  /** Number of steps m (at most D). */
  steps: number;
  /**
   * On breakdown (an invariant subspace was found) continue from a fresh random vector orthogonal
   * to the basis, drawn from this generator, with β = 0 there: T becomes block diagonal and
   * repeated eigenvalues can be found. Without it the process stops early (right for quadrature,
   * whose Ritz values are then exact).
   */
  restart?: Rng;
}

/**
 * Runs m Lanczos steps on the symmetric operator A from `start` (normalized here):
 * `w = A q_j − α_j q_j − β_{j−1} q_{j−1}`, re-orthogonalized against all previous q (twice),
 * `β_j = ‖w‖`, `q_{j+1} = w/β_j`. Cost m applications plus O(m²D) for re-orthogonalization.
 * Reports progress after each application.
 */
export async function lanczosTridiagonal(
  op: LinearOperator,
  start: Float64Array,
  options: LanczosTridiagonalOptions,
  opts: ChunkOptions = {},
): Promise<LanczosTridiagonal> {
  const dim = op.dim;
  const steps = Math.min(options.steps, dim);
  if (start.length !== dim)
    throw new Error(`lanczos: start has length ${start.length}, not ${dim}`);
  const alpha: number[] = [];
  const beta: number[] = [];
  const basis: Float64Array[] = [];
  let q: Float64Array = Float64Array.from(start);
  if (normalizeInPlace(q) === 0) throw new Error('lanczos: zero start vector');
  let scale = 0;
  let residualNorm = 0;
  for (let j = 0; j < steps; j++) {
    basis.push(q);
    const w = await op.apply(q);
    const a = dot(q, w);
    alpha.push(a);
    axpy(-a, q, w);
    if (j > 0) axpy(-beta[j - 1]!, basis[j - 1]!, w);
    orthogonalizeInPlace(w, basis);
    let b = norm(w);
    scale = Math.max(scale, Math.abs(a), b);
    residualNorm = b;
    await checkpoint(opts, (j + 1) / steps);
    if (j === steps - 1) break;
    if (b <= BREAKDOWN * scale) {
      residualNorm = 0;
      if (!options.restart) break;
      const fresh = gaussian(dim, options.restart);
      orthogonalizeInPlace(fresh, basis);
      if (normalizeInPlace(fresh) === 0) break;
      q = fresh;
      b = 0;
    } else {
      scaleInPlace(w, 1 / b);
      q = w;
    }
    beta.push(b);
  }
  return { alpha: Float64Array.from(alpha), beta: Float64Array.from(beta), basis, residualNorm };
}
