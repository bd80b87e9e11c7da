/**
 * Loss slices: L and E on an (a, b) grid of a plane, and along the segment between two points.
 */
import type { EvaluationOptions } from './evaluatePoints';
import { evaluateOnPlane } from './evaluateOnPlane';
import type { LandscapeObjective } from './landscapeObjective';
import type { Plane } from './plane';

export interface LossSurface {
  /** Grid abscissae along u, length nA. */
  readonly a: Float64Array;
  /** Grid ordinates along v, length nB. */
  readonly b: Float64Array;
  /** L(origin + a_i u + b_j v) at `[j * nA + i]` (row-major, one row per b), length nB·nA. */
  readonly loss: Float64Array;
  /** E at the same points, same layout. */
  readonly error: Float64Array;
}

/** `count` equally spaced values from `from` to `to` inclusive. */
export function linspace(from: number, to: number, count: number): Float64Array {
  if (count === 1) return Float64Array.of(from);
  return Float64Array.from({ length: count }, (_, i) => from + ((to - from) * i) / (count - 1));
}

/**
 * L(w₀ + a u + b v) and the error over the grid a × b (chunked; batched for MLPs).
 * Cost: nA·nB forwards' worth of arithmetic, a few hundred points per chunk.
 */
export async function lossSurface(
  objective: LandscapeObjective,
  plane: Plane,
  grid: { a: ArrayLike<number>; b: ArrayLike<number> },
  opts: EvaluationOptions = {},
): Promise<LossSurface> {
  const a = Float64Array.from(grid.a);
  const b = Float64Array.from(grid.b);
  const as = new Float64Array(a.length * b.length);
  const bs = new Float64Array(a.length * b.length);
  for (let j = 0; j < b.length; j++) {
    for (let i = 0; i < a.length; i++) {
      as[j * a.length + i] = a[i]!;
      bs[j * a.length + i] = b[j]!;
    }
  }
  const { loss, error } = await evaluateOnPlane(objective, plane, as, bs, opts);
  return { a, b, loss, error };
}

export interface LossInterpolation {
  /** The interpolation parameters t (0 at `from`, 1 at `to`; outside [0, 1] extrapolates). */
  readonly t: Float64Array;
  readonly loss: Float64Array;
  readonly error: Float64Array;
}

/**
 * The 1-D slice L((1 − t)·from + t·to) and its error at each t (Goodfellow et al. 2015's linear
 * interpolation between two solutions, or between the initialization and a solution).
 */
export async function lossInterpolation(
  objective: LandscapeObjective,
  from: ArrayLike<number>,
  to: ArrayLike<number>,
  t: ArrayLike<number>,
  opts: EvaluationOptions = {},
): Promise<LossInterpolation> {
  const origin = Float64Array.from(from);
  const u = Float64Array.from(origin, (x, i) => to[i]! - x);
  const plane: Plane = { origin, u, v: new Float64Array(origin.length) };
  const ts = Float64Array.from(t);
  const { loss, error } = await evaluateOnPlane(
    objective,
    plane,
    ts,
    new Float64Array(ts.length),
    opts,
  );
  return { t: ts, loss, error };
}
