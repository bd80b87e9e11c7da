/**
 * The Lanczos process with full re-orthogonalization: from a start vector q₁, an orthonormal
 * basis Q_m = [q₁ … q_m] of the Krylov space and the tridiagonal T_m = Q_mᵀ A Q_m, one operator
 * application per step.
 */
import { checkpoint } from '../linalg/checkpoint';
import { applyToMany, type LinearOperator } from '../linalg/linearOperator';
import {
  axpy,
  dot,
  gaussian,
  normalizeInPlace,
  orthogonalizeInPlace,
  reorthogonalizeInPlace,
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
  /** Stops the process before `steps` once it returns true (see `LanczosProcess.converged`). */
  converged?: LanczosConvergence;
}

/**
 * Runs m Lanczos steps on the symmetric operator A from `start` (normalized here):
 * `w = A q_j − α_j q_j − β_{j−1} q_{j−1}`, re-orthogonalized against all previous q (a second
 * pass only where the first cancelled much: `reorthogonalizeInPlace`),
 * `β_j = ‖w‖`, `q_{j+1} = w/β_j`. Cost m applications plus O(m²D) for re-orthogonalization.
 * Reports progress after each application.
 */
export async function lanczosTridiagonal(
  op: LinearOperator,
  start: Float64Array,
  options: LanczosTridiagonalOptions,
  opts: ChunkOptions = {},
): Promise<LanczosTridiagonal> {
  const [one] = await lanczosTridiagonals(op, [start], options, opts);
  return one!;
}

/** One Lanczos process of a lockstep sweep: where it starts, how far it goes, how it restarts. */
export interface LanczosProcess {
  readonly start: Float64Array;
  /** Steps m of this process (at most D). */
  readonly steps: number;
  /** As `LanczosTridiagonalOptions.restart`, for this process. */
  readonly restart?: Rng;
  /**
   * Ends the process early: asked after each step that did not break down, with T_j so far and
   * β_j; `true` stops it there (its basis and T are those of step j).
   */
  readonly converged?: LanczosConvergence;
}

/** Whether a Lanczos process may stop after step j: α₁…α_j, β₁…β_{j−1} and β_j = ‖w‖. */
export type LanczosConvergence = (
  alpha: readonly number[],
  beta: readonly number[],
  residualNorm: number,
) => boolean;

/** One Lanczos process in flight. */
interface LanczosState {
  readonly alpha: number[];
  readonly beta: number[];
  readonly basis: Float64Array[];
  readonly steps: number;
  readonly restart: Rng | undefined;
  readonly converged: LanczosConvergence | undefined;
  q: Float64Array;
  scale: number;
  residualNorm: number;
  done: boolean;
}

/**
 * `lanczosTridiagonal` from several start vectors at once, in lockstep: step j of every process
 * applies A to all their current vectors in one `applyToMany` (one batched pass when the operator
 * batches), so P processes of m steps cost m passes instead of P·m applications. Each process is
 * exactly the one `lanczosTridiagonal` would run from its start (restarts draw from the shared
 * `restart` generator in process order). Progress after each pass.
 */
export async function lanczosTridiagonals(
  op: LinearOperator,
  starts: readonly Float64Array[],
  options: LanczosTridiagonalOptions,
  opts: ChunkOptions = {},
): Promise<LanczosTridiagonal[]> {
  return lanczosProcesses(
    op,
    starts.map((start) => ({
      start,
      steps: options.steps,
      ...(options.restart ? { restart: options.restart } : {}),
      ...(options.converged ? { converged: options.converged } : {}),
    })),
    opts,
  );
}

/**
 * Lanczos processes of different lengths (and restart policies) in one lockstep sweep: pass j
 * applies A to the current vector of every process still running, so a long process and a batch
 * of short ones cost as many passes as the longest, not their sum. Each process gets exactly the
 * numbers it would get alone, but for restarts: those draw from their generators in process order
 * within a pass. Progress after each pass.
 */
export async function lanczosProcesses(
  op: LinearOperator,
  processes: readonly LanczosProcess[],
  opts: ChunkOptions = {},
): Promise<LanczosTridiagonal[]> {
  const dim = op.dim;
  const states: LanczosState[] = processes.map(({ start, steps, restart, converged }) => {
    if (start.length !== dim)
      throw new Error(`lanczos: start has length ${start.length}, not ${dim}`);
    const q = Float64Array.from(start);
    if (normalizeInPlace(q) === 0) throw new Error('lanczos: zero start vector');
    return {
      alpha: [],
      beta: [],
      basis: [],
      steps: Math.min(steps, dim),
      restart,
      converged,
      q,
      scale: 0,
      residualNorm: 0,
      done: false,
    };
  });
  const passes = Math.max(0, ...states.map((s) => s.steps));
  for (let j = 0; j < passes; j++) {
    const active = states.filter((s) => !s.done && j < s.steps);
    if (active.length === 0) break;
    for (const s of active) s.basis.push(s.q);
    const products = await applyToMany(
      op,
      active.map((s) => s.q),
    );
    for (const [index, s] of active.entries()) {
      const w = products[index]!;
      const q = s.q;
      const a = dot(q, w);
      s.alpha.push(a);
      axpy(-a, q, w);
      if (j > 0) axpy(-s.beta[j - 1]!, s.basis[j - 1]!, w);
      let b = reorthogonalizeInPlace(w, s.basis).norm;
      s.scale = Math.max(s.scale, Math.abs(a), b);
      s.residualNorm = b;
      if (j === s.steps - 1) continue;
      if (b <= BREAKDOWN * s.scale) {
        s.residualNorm = 0;
        const fresh = s.restart ? gaussian(dim, s.restart) : undefined;
        if (fresh) orthogonalizeInPlace(fresh, s.basis);
        if (!fresh || normalizeInPlace(fresh) === 0) {
          s.done = true;
          continue;
        }
        s.q = fresh;
        b = 0;
      } else if (s.converged?.(s.alpha, s.beta, b)) {
        s.done = true;
        continue;
      } else {
        scaleInPlace(w, 1 / b);
        s.q = w;
      }
      s.beta.push(b);
    }
    const finished = states.every((s) => s.done || j + 1 >= s.steps);
    await checkpoint(opts, finished ? 1 : (j + 1) / passes);
  }
  return states.map((s) => ({
    alpha: Float64Array.from(s.alpha),
    beta: Float64Array.from(s.beta),
    basis: s.basis,
    residualNorm: s.residualNorm,
  }));
}
