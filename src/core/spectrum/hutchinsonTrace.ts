/**
 * Hutchinson's stochastic trace estimator: Tr(A) = E_v[vᵀ A v] for v with independent ±1 entries.
 */
import { checkpoint } from '../linalg/checkpoint';
import { applyToMany, type LinearOperator } from '../linalg/linearOperator';
import { dot, rademacher } from '../linalg/vector';
import type { ChunkOptions, Rng } from '../types';

export interface TraceEstimate {
  /** (1/n) Σ_s v_sᵀ A v_s. */
  readonly mean: number;
  /** Standard error of the mean, std/√n (sample std with n − 1); NaN for one sample. */
  readonly standardError: number;
  /** The n individual vᵀ A v. */
  readonly samples: Float64Array;
}

/**
 * Estimates Tr(A) from n Rademacher probes (≥ 30–100 for a useful error bar). For Rademacher v,
 * Var(vᵀAv) = 2 Σ_{i≠j} A_ij², so diagonal-dominant operators converge fastest. n applications
 * (in passes of `batchSize` when the operator batches); progress after each pass.
 */
export async function hutchinsonTrace(
  op: LinearOperator,
  options: { samples: number; rng: Rng },
  opts: ChunkOptions = {},
): Promise<TraceEstimate> {
  const n = options.samples;
  const probes = Array.from({ length: n }, () => rademacher(op.dim, options.rng));
  const products = await applyToMany(op, probes, (done) => checkpoint(opts, done / n));
  const samples = Float64Array.from(probes, (v, s) => dot(v, products[s]!));
  return { ...meanAndStandardError(samples), samples };
}

/** The mean of n samples and its standard error std/√n (sample std with n − 1). */
export function meanAndStandardError(samples: Float64Array): {
  mean: number;
  standardError: number;
} {
  const n = samples.length;
  const mean = samples.reduce((a, b) => a + b, 0) / n;
  const variance = samples.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1);
  return { mean, standardError: Math.sqrt(variance / n) };
}
