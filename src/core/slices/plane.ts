/**
 * A 2-D affine slice of parameter space, `w(a, b) = origin + a·u + b·v`, and the maps between
 * the slice's coordinates and parameter vectors.
 */
import { dot, norm, subtract } from '../linalg/vector';

/** Origin [D] and two directions [D] (not necessarily orthonormal: filter-normalized ones are not). */
export interface Plane {
  readonly origin: Float64Array;
  readonly u: Float64Array;
  readonly v: Float64Array;
}

/** The plane through `origin` spanned by `u`, `v` (e.g. the top-2 Hessian eigenvectors). */
export function planeFromDirections(
  origin: ArrayLike<number>,
  u: ArrayLike<number>,
  v: ArrayLike<number>,
): Plane {
  return { origin: Float64Array.from(origin), u: Float64Array.from(u), v: Float64Array.from(v) };
}

/** `origin + a·u + b·v`, shape [D], float64. */
export function pointOnPlane(plane: Plane, a: number, b: number): Float64Array {
  const { origin, u, v } = plane;
  const w = new Float64Array(origin.length);
  for (let i = 0; i < w.length; i++) w[i] = origin[i]! + a * u[i]! + b * v[i]!;
  return w;
}

/** A point's coordinates on a plane and how far it is from it. */
export interface PlaneProjection {
  readonly a: number;
  readonly b: number;
  /** ‖p − w(a, b)‖: 0 for points in the plane. */
  readonly offPlane: number;
}

/**
 * The orthogonal projection of each point p [D] onto the plane: (a, b) solve the 2×2 normal
 * equations [u·u u·v; u·v v·v][a; b] = [u·d; v·d], d = p − origin, and `offPlane` = ‖d − a u − b v‖.
 * A trajectory drawn on a slice that does not contain it can disagree with the contours under it;
 * show `offPlane` with it.
 */
export function projectOntoPlane(
  points: readonly ArrayLike<number>[],
  plane: Plane,
): PlaneProjection[] {
  const { u, v } = plane;
  const uu = dot(u, u);
  const uv = dot(u, v);
  const vv = dot(v, v);
  const det = uu * vv - uv * uv;
  if (!(det > 1e-12 * uu * vv)) throw new Error('projectOntoPlane: the directions are parallel');
  return points.map((p) => {
    const d = subtract(p, plane.origin);
    const du = dot(u, d);
    const dv = dot(v, d);
    const a = (vv * du - uv * dv) / det;
    const b = (uu * dv - uv * du) / det;
    for (let i = 0; i < d.length; i++) d[i]! -= a * u[i]! + b * v[i]!;
    return { a, b, offPlane: norm(d) };
  });
}
