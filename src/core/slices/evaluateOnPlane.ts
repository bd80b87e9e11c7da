/**
 * Loss and error at points (a_g, b_g) of a plane, w = origin + a u + b v: the slice instruments'
 * evaluation, batched over grid points for MLPs.
 */
import * as tf from '@tensorflow/tfjs-core';
import { lossAndErrorOfLogits } from './denseChainBatch';
import { defaultPlaneTail, denseChainPlane } from './denseChainPlane';
import {
  batchedActivation,
  defaultPointsPerChunk,
  evaluateInChunks,
  pointwiseLossAndError,
  type EvaluationOptions,
  type PointValues,
} from './evaluatePoints';
import type { LandscapeObjective } from './landscapeObjective';
import { pointOnPlane, type Plane } from './plane';

/**
 * L and E at w(a_g, b_g) for g < G. Batched (MLP): the first layer's three products
 * X·(W₁ᵒ, W₁ᵘ, W₁ᵛ) are computed once for the plane (`denseChainPlane`), then each point costs
 * an axpy of them and the later layers. Point by point (any model, the reference): w(a, b)
 * formed in float64, one forward each.
 *
 * @param a, b coordinates, length G each
 * @returns loss and error, [G] each
 */
export async function evaluateOnPlane(
  objective: LandscapeObjective,
  plane: Plane,
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  opts: EvaluationOptions = {},
): Promise<PointValues> {
  if (a.length !== b.length) throw new Error('evaluateOnPlane: a and b differ in length');
  const activation = batchedActivation(objective, opts.method);
  const chunk = opts.pointsPerChunk ?? defaultPointsPerChunk(objective, activation !== undefined);
  const decomposed =
    activation !== undefined
      ? denseChainPlane(objective, plane, activation, opts.tail ?? defaultPlaneTail())
      : undefined;
  try {
    return await evaluateInChunks(
      a.length,
      chunk,
      (start, end) => {
        if (decomposed) return lossAndErrorOfLogits(objective, decomposed.logits(a, b, start, end));
        const points: tf.Tensor1D[] = [];
        for (let g = start; g < end; g++) {
          points.push(tf.tensor1d(Float32Array.from(pointOnPlane(plane, a[g]!, b[g]!))));
        }
        return pointwiseLossAndError(objective, points);
      },
      opts,
    );
  } finally {
    decomposed?.dispose();
  }
}
