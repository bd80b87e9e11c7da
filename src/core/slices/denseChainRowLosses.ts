import type * as tf from '@tensorflow/tfjs-core';
import { denseChainLayers, denseChainLogitsAtPoints } from './denseChainBatch';
import type { LandscapeObjective } from './landscapeObjective';

/**
 * The training loss of an MLP objective at the G rows of a parameter matrix at once,
 * W [G, D] ↦ [L(W_1) … L(W_G)], through one batched forward (`denseChainLogitsAtPoints`) and the
 * objective's block loss; row g depends on W_g alone, and the whole is twice differentiable when
 * the block loss is (as `crossEntropyOfBlocks` is) — what `batchedHessianVectorProducts` needs.
 * Undefined when the objective is not a dense chain or has no block loss.
 */
export function denseChainRowLosses(
  objective: LandscapeObjective,
): ((params: tf.Tensor2D) => tf.Tensor1D) | undefined {
  const chain = objective.denseChain;
  const blockLoss = objective.blockLoss;
  if (!chain || !blockLoss || !denseChainLayers(objective.model.layout)) return undefined;
  return (params) =>
    blockLoss(denseChainLogitsAtPoints(objective, params, chain.activation), objective.y);
}

/**
 * How many rows one batched pass over this objective should take: ~2²² floats for the widest
 * activation [G, n, width] plus the G·D parameters (a double back-propagation keeps a few tens of
 * such tensors alive), at least 1.
 */
export function rowsPerPass(objective: LandscapeObjective, budget = 2 ** 22): number {
  const width = Math.max(...objective.model.layout.map((b) => b.shape.at(-1) ?? 1));
  const perRow = objective.x.shape[0] * width + objective.model.paramCount;
  return Math.max(1, Math.floor(budget / perRow));
}
