/**
 * Loss and error of one objective at many parameter vectors — the workhorse of slices, local
 * energy and shell sampling. MLPs are evaluated in batches of points (one batched forward per
 * chunk), anything else point by point; both in chunks with progress and cancellation.
 */
import * as tf from '@tensorflow/tfjs-core';
import { checkpoint } from '../linalg/checkpoint';
import type { ChunkOptions } from '../types';
import {
  denseChainLayers,
  denseChainLogitsAtPoints,
  denseChainLogitsPerPoint,
  lossAndErrorOfLogits,
} from './denseChainBatch';
import { defaultPlaneTail, type PlaneTail } from './denseChainPlane';
import { objectiveError, objectiveLoss, type LandscapeObjective } from './landscapeObjective';

/** Per-point values, index-aligned with the points asked for. */
export interface PointValues {
  readonly loss: Float64Array;
  readonly error: Float64Array;
}

/** 'batched' needs `objective.denseChain`; 'auto' (default) batches whenever it can. */
export type EvaluationMethod = 'auto' | 'batched' | 'pointwise';

export interface EvaluationOptions extends ChunkOptions {
  method?: EvaluationMethod;
  /** Points per chunk (default: as many as fit ~2²² floats of activations, at most 256). */
  pointsPerChunk?: number;
  /** How a batched evaluation runs its chunk (default: the backend's fastest, `defaultPlaneTail`). */
  tail?: PlaneTail;
}

/** Whether the batched path applies, and its activation. */
export function batchedActivation(
  objective: LandscapeObjective,
  method: EvaluationMethod = 'auto',
): 'relu' | 'tanh' | undefined {
  const chain = objective.denseChain;
  const ok = chain !== undefined && denseChainLayers(objective.model.layout) !== undefined;
  if (method === 'batched' && !ok)
    throw new Error('batched evaluation needs an MLP objective (denseChain)');
  return method !== 'pointwise' && ok ? chain?.activation : undefined;
}

/** Default chunk: ~2²² floats of the widest activation [G, n, width] plus G·D weights. */
export function defaultPointsPerChunk(objective: LandscapeObjective, batched: boolean): number {
  if (!batched) return 16;
  const width = Math.max(...objective.model.layout.map((b) => b.shape.at(-1) ?? 1));
  const perPoint = objective.x.shape[0] * width + objective.model.paramCount;
  return Math.max(1, Math.min(256, Math.floor(2 ** 22 / perPoint)));
}

/**
 * Runs `evaluateChunk(start, end)` (returning [loss, error] tensors of length end − start) over
 * `count` points in chunks, reading each chunk back asynchronously; progress after each chunk.
 */
export async function evaluateInChunks(
  count: number,
  chunk: number,
  evaluateChunk: (start: number, end: number) => { loss: tf.Tensor1D; error: tf.Tensor1D },
  opts: ChunkOptions = {},
): Promise<PointValues> {
  const loss = new Float64Array(count);
  const error = new Float64Array(count);
  for (let start = 0; start < count; start += chunk) {
    const end = Math.min(count, start + chunk);
    const both = tf.tidy(() => {
      const r = evaluateChunk(start, end);
      return tf.stack([r.loss, r.error]);
    });
    try {
      const data = await both.data();
      for (let i = start; i < end; i++) {
        loss[i] = data[i - start]!;
        error[i] = data[end - start + i - start]!;
      }
    } finally {
      both.dispose();
    }
    await checkpoint(opts, end / count);
  }
  return { loss, error };
}

/** The point-by-point evaluation of G vectors [D] (the reference for the batched path). Call in a tidy. */
export function pointwiseLossAndError(
  objective: LandscapeObjective,
  points: readonly tf.Tensor1D[],
): { loss: tf.Tensor1D; error: tf.Tensor1D } {
  const f = objectiveLoss(objective);
  return {
    loss: tf.stack(points.map((w) => f(w))) as tf.Tensor1D,
    error: tf.stack(points.map((w) => objectiveError(objective, w))) as tf.Tensor1D,
  };
}

/**
 * L(w_g) and E(w_g) for each of the G parameter vectors `points` (each [D]). Uploads each chunk
 * as one float32 [G_c, D] matrix; MLPs run one batched forward per chunk, or (tail 'perPoint',
 * wasm's default) one unbatched forward per point from the host copy: a 354-parameter MLP's
 * flatness (288 points) took 120 ms through wasm's naive batched products, 74 ms so (Node).
 */
export async function evaluatePoints(
  objective: LandscapeObjective,
  points: readonly ArrayLike<number>[],
  opts: EvaluationOptions = {},
): Promise<PointValues> {
  const activation = batchedActivation(objective, opts.method);
  const dim = objective.model.paramCount;
  const chunk = opts.pointsPerChunk ?? defaultPointsPerChunk(objective, activation !== undefined);
  return evaluateInChunks(
    points.length,
    chunk,
    (start, end) => {
      const flat = new Float32Array((end - start) * dim);
      for (let g = start; g < end; g++) flat.set(points[g]!, (g - start) * dim);
      if (activation !== undefined && (opts.tail ?? defaultPlaneTail()) === 'perPoint') {
        return lossAndErrorOfLogits(
          objective,
          denseChainLogitsPerPoint(objective, flat, activation),
        );
      }
      const params = tf.tensor2d(flat, [end - start, dim]);
      if (activation !== undefined) {
        return lossAndErrorOfLogits(
          objective,
          denseChainLogitsAtPoints(objective, params, activation),
        );
      }
      return pointwiseLossAndError(objective, tf.unstack(params) as tf.Tensor1D[]);
    },
    opts,
  );
}

/** Loss and error at a list of parameter vectors: what flatness measures need of a landscape. */
export type PointEvaluator = (
  points: readonly ArrayLike<number>[],
  opts?: ChunkOptions,
) => Promise<PointValues>;

/** `evaluatePoints` on `objective` as a `PointEvaluator` (batched for MLPs unless told otherwise). */
export function pointEvaluator(
  objective: LandscapeObjective,
  options: Pick<EvaluationOptions, 'method' | 'pointsPerChunk' | 'tail'> = {},
): PointEvaluator {
  return (points, opts = {}) => evaluatePoints(objective, points, { ...opts, ...options });
}
