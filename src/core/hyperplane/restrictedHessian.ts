/**
 * The Hessian restricted to a random hyperplane, H_d = Mᵀ H M, and Fort & Scherlis's Goldilocks
 * measures of it.
 */
import { checkpoint } from '../linalg/checkpoint';
import type { LinearOperator } from '../linalg/linearOperator';
import { symmetrizeInPlace } from '../linalg/linearOperator';
import { symmetricEigen } from '../linalg/symmetricEigen';
import type { ChunkOptions } from '../types';
import type { RandomHyperplane } from './randomHyperplane';

/**
 * H_d = Mᵀ H M, d×d row-major, symmetrized: column j is Mᵀ (H m_j), one operator application
 * each (d Hessian–vector products). Progress after each.
 */
export async function restrictedHessian(
  op: LinearOperator,
  plane: RandomHyperplane,
  opts: ChunkOptions = {},
): Promise<Float64Array> {
  const d = plane.subspaceDim;
  if (op.dim !== plane.dim)
    throw new Error('restrictedHessian: operator and hyperplane differ in D');
  const h = new Float64Array(d * d);
  for (let j = 0; j < d; j++) {
    const col = plane.project(await op.apply(plane.column(j)));
    for (let i = 0; i < d; i++) h[i * d + j] = col[i]!;
    await checkpoint(opts, (j + 1) / d);
  }
  symmetrizeInPlace(h, d);
  return h;
}

export interface GoldilocksMeasures {
  /** Tr(H_d). */
  readonly trace: number;
  /** ‖H_d‖_F. */
  readonly frobenius: number;
  /** Tr(H_d)/‖H_d‖_F ∈ [−√d, √d]: √d when H_d ∝ I, ~0 for a symmetric indefinite spectrum. */
  readonly traceOverFrobenius: number;
  /** Fraction of H_d's eigenvalues that are > 0. */
  readonly positiveFraction: number;
  /** H_d's eigenvalues, ascending. */
  readonly eigenvalues: Float64Array;
}

/** The Goldilocks measures (Fort & Scherlis 2019) of a symmetric d×d matrix (row-major). */
export function goldilocksMeasures(h: ArrayLike<number>, d: number): GoldilocksMeasures {
  let trace = 0;
  let ff = 0;
  for (let i = 0; i < d; i++) trace += h[i * d + i]!;
  for (let k = 0; k < d * d; k++) ff += h[k]! ** 2;
  const { values } = symmetricEigen(h, d, { vectors: false });
  const frobenius = Math.sqrt(ff);
  return {
    trace,
    frobenius,
    traceOverFrobenius: frobenius > 0 ? trace / frobenius : 0,
    positiveFraction: values.filter((x) => x > 0).length / d,
    eigenvalues: values,
  };
}
