/**
 * The plane through three parameter vectors (e.g. the initialization and the weights two
 * optimizers reached), with orthonormal axes so that slice distances are parameter distances.
 */
import { dot, normalizeInPlace, orthogonalizeInPlace, subtract } from '../linalg/vector';
import type { Plane } from './plane';

export interface PlaneThroughPoints extends Plane {
  /** (a, b) of the three points: (0, 0), (‖p₁ − p₀‖, 0) and (u·(p₂ − p₀), v·(p₂ − p₀)). */
  readonly coordinates: readonly [
    readonly [number, number],
    readonly [number, number],
    readonly [number, number],
  ];
}

/**
 * origin = p₀, u = (p₁ − p₀)/‖p₁ − p₀‖, v = Gram–Schmidt of p₂ − p₀ against u, normalized. Each
 * point lies in the plane (exactly, up to float64 rounding). Throws if the points are collinear.
 */
export function planeThroughPoints(
  p0: ArrayLike<number>,
  p1: ArrayLike<number>,
  p2: ArrayLike<number>,
): PlaneThroughPoints {
  const origin = Float64Array.from(p0);
  const u = subtract(p1, p0);
  const a1 = normalizeInPlace(u);
  if (a1 === 0) throw new Error('planeThroughPoints: p₁ = p₀');
  const d2 = subtract(p2, p0);
  const a2 = dot(u, d2);
  const v = Float64Array.from(d2);
  orthogonalizeInPlace(v, [u]);
  const b2 = normalizeInPlace(v);
  if (!(b2 > 1e-12 * Math.max(a1, Math.abs(a2))))
    throw new Error('planeThroughPoints: collinear points');
  return {
    origin,
    u,
    v,
    coordinates: [
      [0, 0],
      [a1, 0],
      [a2, dot(v, d2)],
    ],
  };
}
