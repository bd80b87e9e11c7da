/**
 * Loss and error at points (a_g, b_g) of a plane, w = origin + a u + b v: the slice instruments'
 * evaluation, batched over grid points for MLPs.
 */
import * as tf from '@tensorflow/tfjs-core';
import { denseChainLogitsOnPlane, lossAndErrorOfLogits } from './denseChainBatch';
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
 * L and E at w(a_g, b_g) for g < G. Batched (MLP): the first layer's pre-activations are affine in
 * (a, b) and shared by the grid, the rest runs as batched products over a chunk of points.
 * Point by point (any model, the reference): w(a, b) formed in float64, one forward each.
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
  const slab = (start: number, end: number, c: ArrayLike<number>) =>
    tf.tensor1d(Float32Array.from({ length: end - start }, (_, i) => c[start + i]!));
  let planeTensors: [tf.Tensor1D, tf.Tensor1D, tf.Tensor1D] | undefined;
  try {
    if (activation !== undefined) {
      planeTensors = [
        tf.tensor1d(Float32Array.from(plane.origin)),
        tf.tensor1d(Float32Array.from(plane.u)),
        tf.tensor1d(Float32Array.from(plane.v)),
      ];
    }
    const [o, u, v] = planeTensors ?? [];
    return await evaluateInChunks(
      a.length,
      chunk,
      (start, end) => {
        if (activation !== undefined && o && u && v) {
          const logits = denseChainLogitsOnPlane(
            objective,
            o,
            u,
            v,
            slab(start, end, a),
            slab(start, end, b),
            activation,
          );
          return lossAndErrorOfLogits(objective, logits);
        }
        const points: tf.Tensor1D[] = [];
        for (let g = start; g < end; g++) {
          points.push(tf.tensor1d(Float32Array.from(pointOnPlane(plane, a[g]!, b[g]!))));
        }
        return pointwiseLossAndError(objective, points);
      },
      opts,
    );
  } finally {
    planeTensors?.forEach((t) => t.dispose());
  }
}
