/**
 * Local entropy by shell sampling (Baldassi et al.): at relative distance d from a reference w,
 * the fraction of random points that are still solutions — an estimate of exp(N·(S(w, d) −
 * S_shell(d))), the share of the shell's volume that wide flat minima keep up to large d.
 */
import { norm } from '../linalg/vector';
import { createRng } from '../random';
import type { PointEvaluator } from '../slices/evaluatePoints';
import type { ChunkOptions } from '../types';

export interface ShellSamplingOptions {
  /** Relative radii d: points at ‖w' − w‖ = d·‖w‖. */
  radii: readonly number[];
  /** Points M per radius (default 100). */
  samples?: number;
  /** w' counts when E(w') ≤ E(w) + tolerance (default 0: still a solution if w is one). */
  tolerance?: number;
  /** Point m on every shell uses the direction from `createRng(seed, 'noise', m)`. */
  seed: number;
}

export interface ShellLocalEntropy {
  readonly radii: Float64Array;
  /** E(w) of the reference. */
  readonly baseError: number;
  /** Per radius: fraction of the M points with E ≤ E(w) + tolerance. */
  readonly fraction: Float64Array;
  /** log(fraction); −∞ when no point qualifies (the estimate is then only < log(1/M)). */
  readonly logFraction: Float64Array;
  /** Per radius: mean error on the shell. */
  readonly meanError: Float64Array;
}

/**
 * For each d: M points w' = w + d‖w‖·z/‖z‖, z ~ N(0, I_D) (uniform on the sphere of radius d‖w‖
 * around w); count those with E(w') ≤ E(w) + tolerance. Sharp (isolated) minima drop to 0 at
 * small d, wide flat minima stay near 1. Cost M·|d| evaluations; progress per chunk.
 */
export async function shellLocalEntropy(
  evaluate: PointEvaluator,
  w: ArrayLike<number>,
  options: ShellSamplingOptions,
  opts: ChunkOptions = {},
): Promise<ShellLocalEntropy> {
  const samples = options.samples ?? 100;
  const tolerance = options.tolerance ?? 0;
  const radii = Float64Array.from(options.radii);
  const wNorm = norm(w);
  const dim = w.length;
  const base = await evaluate([w]);
  const baseError = base.error[0]!;
  const fraction = new Float64Array(radii.length);
  const meanError = new Float64Array(radii.length);
  // Every radius's draws in one evaluation (one call, a few large batches).
  const points: Float64Array[] = [];
  for (let r = 0; r < radii.length; r++) {
    const radius = radii[r]! * wNorm;
    for (let m = 0; m < samples; m++) {
      const rng = createRng(options.seed, 'noise', m);
      const z = Float64Array.from({ length: dim }, () => rng.normal());
      const s = radius / norm(z);
      points.push(Float64Array.from(z, (zi, i) => w[i]! + s * zi));
    }
  }
  const values = await evaluate(points, opts);
  for (let r = 0; r < radii.length; r++) {
    let inside = 0;
    let sum = 0;
    for (const e of values.error.subarray(r * samples, (r + 1) * samples)) {
      // Errors are float32 fractions of the training set: allow for their rounding.
      if (e <= baseError + tolerance + 1e-7) inside++;
      sum += e;
    }
    fraction[r] = inside / samples;
    meanError[r] = sum / samples;
  }
  return { radii, baseError, fraction, logFraction: fraction.map(Math.log), meanError };
}
