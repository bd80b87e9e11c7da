/**
 * The plane of a training trajectory's two principal directions (Li et al. 2018, §7): the slice
 * in which an optimization path moves most.
 */
import { symmetricEigen } from '../linalg/symmetricEigen';
import { dot, normalizeInPlace } from '../linalg/vector';
import type { Plane } from './plane';

export interface TrajectoryPlane extends Plane {
  /** Fraction of the trajectory's variance along u and along v. */
  readonly explainedVariance: readonly [number, number];
}

/**
 * origin = the last point θ_T; u, v = the top-2 principal axes (unit vectors) of the centred
 * points {θ_t}, found through the T×T Gram matrix G_st = (θ_s − θ̄)·(θ_t − θ̄) (cheap when T ≪ D):
 * an eigenvector c of G gives the axis Σ_t c_t (θ_t − θ̄). Needs T ≥ 3 points not on a line.
 *
 * @param points the trajectory, T vectors of length D
 */
export function trajectoryPcaPlane(points: readonly ArrayLike<number>[]): TrajectoryPlane {
  const t = points.length;
  if (t < 3) throw new Error('trajectoryPcaPlane: needs at least 3 points');
  const dim = points[0]!.length;
  const mean = new Float64Array(dim);
  for (const p of points) for (let i = 0; i < dim; i++) mean[i]! += p[i]! / t;
  const centred = points.map((p) => Float64Array.from({ length: dim }, (_, i) => p[i]! - mean[i]!));
  const gram = new Float64Array(t * t);
  for (let s = 0; s < t; s++) {
    for (let r = s; r < t; r++) {
      const g = dot(centred[s]!, centred[r]!);
      gram[s * t + r] = g;
      gram[r * t + s] = g;
    }
  }
  const eig = symmetricEigen(gram, t);
  const total = eig.values.reduce((a, x) => a + Math.max(0, x), 0);
  const axis = (j: number): Float64Array => {
    const c = eig.vectors.subarray(j * t, (j + 1) * t);
    const out = new Float64Array(dim);
    for (let s = 0; s < t; s++) for (let i = 0; i < dim; i++) out[i]! += c[s]! * centred[s]![i]!;
    if (normalizeInPlace(out) === 0)
      throw new Error('trajectoryPcaPlane: the trajectory is a line');
    return out;
  };
  return {
    origin: Float64Array.from(points[t - 1]!),
    u: axis(t - 1),
    v: axis(t - 2),
    explainedVariance: [eig.values[t - 1]! / total, eig.values[t - 2]! / total],
  };
}
