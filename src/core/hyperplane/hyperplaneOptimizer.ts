/**
 * Any optimizer, confined to a random affine hyperplane θ = θ₀ + Mφ (Li et al. 2018; Fort &
 * Scherlis 2019): the optimizer moves φ ∈ R^d on the problem φ ↦ L(θ₀ + Mφ), whose gradient tfjs
 * takes through the matrix product (Mᵀ∇_θ L); what the run reports is θ.
 */
import * as tf from '@tensorflow/tfjs-core';
import { MappedOptimizer } from '../optimizers/mappedOptimizer';
import type { Optimizer } from '../optimizers/optimizer';
import type { OptimizerSpec } from '../optimizers/optimizerSpec';
import type { TrainingProblem } from '../types';
import type { RandomHyperplane } from './randomHyperplane';

/** The hyperplane's problem in φ, with M [D, d] and θ₀ [D] on the backend. */
export interface HyperplaneProblem extends TrainingProblem {
  /** θ₀ + Mφ, shape [D] (a new tensor). */
  embed(phi: tf.Tensor1D): tf.Tensor1D;
  dispose(): void;
}

/**
 * `problem` restricted to `plane` through `theta0`. M must be dense (D·d within the hyperplane's
 * dense limit): a streamed M would need a read-back every step, which WebGPU forbids.
 */
export function hyperplaneProblem(
  problem: TrainingProblem,
  theta0: Float32Array,
  plane: RandomHyperplane,
): HyperplaneProblem {
  const { dim: D, subspaceDim: d, dense } = plane;
  if (!dense) {
    throw new Error(
      `a ${d}-dimensional hyperplane of ${D} parameters is too large to keep on the device; ` +
        `choose a smaller dimension`,
    );
  }
  if (problem.project) throw new Error('a projected model cannot train in a hyperplane');
  const m = tf.tidy(() => tf.transpose(tf.tensor2d(dense, [d, D])));
  const base = tf.tensor1d(theta0);
  const embed = (phi: tf.Tensor1D): tf.Tensor1D =>
    tf.tidy(() => tf.add(base, tf.squeeze(tf.matMul(m, tf.reshape(phi, [d, 1])), [1])));
  return {
    paramCount: d,
    loss: (phi, batch) => tf.tidy(() => problem.loss(embed(phi), batch)),
    nextBatch: (size) => problem.nextBatch(size),
    embed,
    dispose() {
      m.dispose();
      base.dispose();
    },
  };
}

/**
 * `inner` (an optimizer on `problem`'s φ) seen from the full space: `params()` is θ₀ + Mφ,
 * recomputed once per step. Snapshots are the inner optimizer's (φ and its state).
 */
export class HyperplaneOptimizer<
  S extends OptimizerSpec = OptimizerSpec,
> extends MappedOptimizer<S> {
  constructor(
    inner: Optimizer<S>,
    private readonly problem: HyperplaneProblem,
  ) {
    super(inner);
  }

  protected map(phi: tf.Tensor1D): tf.Tensor1D {
    return this.problem.embed(phi);
  }

  override dispose(): void {
    super.dispose();
    this.inner.dispose();
    this.problem.dispose();
  }
}
