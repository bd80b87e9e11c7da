/**
 * The slice along the two stiffest directions of the loss: the top-2 Hessian eigenvectors at w.
 */
import type { LinearOperator } from '../linalg/linearOperator';
import { lanczos } from '../spectrum/lanczos';
import type { ChunkOptions, Rng } from '../types';
import type { Plane } from './plane';

export interface HessianEigenvectorPlane extends Plane {
  /** λ₁ ≥ λ₂, the algebraically largest eigenvalues (the curvatures along u and v). */
  readonly eigenvalues: readonly [number, number];
}

/**
 * origin = w, u, v = the unit eigenvectors of the two algebraically largest eigenvalues of the
 * Hessian operator at w (Lanczos with full re-orthogonalization, `steps` applications, default 40).
 * Along u the loss curves as ½λ₁a² near w.
 *
 * @param hessian the Hessian at `w` (e.g. `hessianOperator(loss, w)`)
 */
export async function hessianEigenvectorPlane(
  hessian: LinearOperator,
  w: ArrayLike<number>,
  options: { rng: Rng; steps?: number },
  opts: ChunkOptions = {},
): Promise<HessianEigenvectorPlane> {
  const { top } = await lanczos(
    hessian,
    { k: 2, which: 'top', steps: Math.min(hessian.dim, options.steps ?? 40), rng: options.rng },
    opts,
  );
  const [first, second] = top;
  if (!first || !second) throw new Error('hessianEigenvectorPlane: needs D ≥ 2');
  return {
    origin: Float64Array.from(w),
    u: first.vector,
    v: second.vector,
    eigenvalues: [first.value, second.value],
  };
}
