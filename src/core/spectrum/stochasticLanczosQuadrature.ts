/**
 * Stochastic Lanczos quadrature (Ghorbani, Krishnan & Xiao 2019; Lin, Saad & Yang 2016): the
 * spectral density φ(t) = (1/D) Σ_i δ(t − λ_i) of a large symmetric operator as a mixture of
 * Gauss quadrature rules, one per random probe.
 */
import type { LinearOperator } from '../linalg/linearOperator';
import { symmetricTridiagonalEigen } from '../linalg/tridiagonalEigen';
import { rademacher } from '../linalg/vector';
import type { ChunkOptions, Rng } from '../types';
import { lanczosTridiagonals, type LanczosTridiagonal } from './lanczosTridiagonal';

/** The Gauss quadrature rule of one probe: vᵀ g(A) v / ‖v‖² ≈ Σ_i weights_i · g(nodes_i). */
export interface QuadratureRule {
  /** Ritz values θ_i of T_m, ascending, length ≤ m. */
  readonly nodes: Float64Array;
  /** Squared first components τ_i² of T_m's unit eigenvectors; they sum to 1. */
  readonly weights: Float64Array;
}

export interface SpectralQuadrature {
  /** D, the operator's dimension (the density integrates to 1; multiply by D for counts). */
  readonly dim: number;
  /** One rule per probe; the density estimate is their average. */
  readonly rules: QuadratureRule[];
}

export interface SlqOptions {
  /** Number of Rademacher probes n_v (≥ 5–10 recommended; default 10). */
  probes?: number;
  /** Lanczos steps m per probe (30–90 recommended; default 60; at most D). */
  steps?: number;
  /** Draws the Rademacher probes (the 'probes' stream). */
  rng: Rng;
}

/**
 * For each of n_v Rademacher probes v, m Lanczos steps from v give T_m = S Θ Sᵀ; the rule is
 * nodes θ_i and weights τ_i² = S[0][i]², so that `(1/n_v) Σ_v Σ_i τ_i² δ(t − θ_i)` estimates the
 * spectral density. Its first moment equals the Hutchinson estimate of Tr(A)/D exactly. Cost n_v·m
 * applications, run in lockstep (m passes of n_v vectors when the operator batches); progress
 * after each pass.
 */
export async function stochasticLanczosQuadrature(
  op: LinearOperator,
  options: SlqOptions,
  opts: ChunkOptions = {},
): Promise<SpectralQuadrature> {
  const starts = slqProbes(op.dim, options);
  const runs = await lanczosTridiagonals(op, starts, { steps: slqSteps(op.dim, options) }, opts);
  return quadrature(op.dim, runs);
}

/** The Rademacher probes of `stochasticLanczosQuadrature`, drawn from `options.rng`. */
export function slqProbes(dim: number, options: SlqOptions): Float64Array[] {
  return Array.from({ length: options.probes ?? 10 }, () => rademacher(dim, options.rng));
}

/** Its Lanczos steps per probe: `options.steps` (default 60), at most D. */
export function slqSteps(dim: number, options: SlqOptions): number {
  return Math.min(dim, options.steps ?? 60);
}

/** The quadrature of finished Lanczos processes, one rule per probe. */
export function quadrature(dim: number, runs: readonly LanczosTridiagonal[]): SpectralQuadrature {
  const rules: QuadratureRule[] = runs.map((t) => {
    const eig = symmetricTridiagonalEigen(t.alpha, t.beta, 'first');
    return { nodes: eig.values, weights: eig.firstComponents.map((s) => s * s) };
  });
  return { dim, rules };
}
