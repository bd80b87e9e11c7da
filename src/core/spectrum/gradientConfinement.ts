/**
 * Gradient confinement (Gur-Ari, Roberts & Dyer 2018): the share of the gradient's squared norm
 * that lies in the span of the top-k Hessian eigenvectors.
 */
import { dot } from '../linalg/vector';

export interface GradientConfinement {
  /** f_k = ‖V_kᵀ g‖² / ‖g‖² ∈ [0, 1] (NaN when g = 0). */
  readonly fraction: number;
  /** k/D: the expected fraction for a random direction. */
  readonly baseline: number;
}

/**
 * f_k = Σ_j (v_j·g)² / ‖g‖² for k orthonormal vectors v_j of length D (the top-k eigenvectors,
 * k = C classes in Fort & Ganguli, where f_C ≥ 0.85 after the first steps of training).
 */
export function gradientConfinement(
  gradient: ArrayLike<number>,
  topVectors: readonly ArrayLike<number>[],
): GradientConfinement {
  const gg = dot(gradient, gradient);
  let inside = 0;
  for (const v of topVectors) inside += dot(v, gradient) ** 2;
  return { fraction: inside / gg, baseline: topVectors.length / gradient.length };
}
