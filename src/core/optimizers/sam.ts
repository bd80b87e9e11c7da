/** Sharpness-Aware Minimization (Foret et al. 2021). */
import * as tf from '@tensorflow/tfjs-core';
import type { Tensor1D } from '@tensorflow/tfjs-core';
import type { Batch, TrainingProblem } from '../types';
import { euclideanNorm, project } from './constrain';
import { lossGradient } from './lossGradient';
import { MomentumOptimizer } from './momentumOptimizer';
import type { Optimizer, OptimizerSnapshot } from './optimizer';
import type { SamSpec } from './optimizerSpec';
import { learningRateAt } from './schedules';
import { sgdUpdate } from './sgdUpdate';

/** Added to ‖g‖ so that a zero gradient gives ε = 0 rather than NaN (as in Foret et al.'s code). */
const NORM_FLOOR = 1e-12;

/**
 * SAM's gradient on one batch B: g = ∇L_B(w), ε = ρ g/(‖g‖ + 1e-12), ĝ = ∇L_B(w + ε), shape [D].
 * To first order ĝ ≈ g + ρ H g/‖g‖. Two gradients. Allocates: call inside `tf.tidy`.
 */
export function samGradient(
  problem: TrainingProblem,
  w: Tensor1D,
  batch: Batch,
  rho: number,
): Tensor1D {
  const g = lossGradient(problem, w, batch);
  const eps = tf.mul(g, tf.div(rho, tf.add(euclideanNorm(g), NORM_FLOOR)));
  return lossGradient(problem, tf.add(w, eps), batch);
}

/**
 * SAM: on a fresh minibatch, ĝ = `samGradient`, then the SGD rule from w (momentum, Nesterov,
 * weight decay, schedule) with ĝ, then `problem.project`. Two gradients per step.
 */
export function createSam(
  spec: SamSpec,
  problem: TrainingProblem,
  init: Float32Array,
  from?: OptimizerSnapshot,
): Optimizer<SamSpec> {
  return new Sam(spec, problem, init, from);
}

class Sam extends MomentumOptimizer<SamSpec> {
  constructor(
    spec: SamSpec,
    private readonly problem: TrainingProblem,
    init: Float32Array,
    from?: OptimizerSnapshot,
  ) {
    super(spec, problem.paramCount, init, from, 'w');
  }

  step(): void {
    const { spec, problem } = this;
    const lr = learningRateAt(spec.lrSchedule, spec.lr, this.steps);
    const [w, velocity] = tf.tidy(() => {
      const batch = problem.nextBatch(spec.batchSize);
      const g = samGradient(problem, this.point, batch, spec.rho);
      const next = sgdUpdate(this.point, g, this.velocity, spec, lr);
      const out = [project(problem, next.w)];
      if (next.velocity) out.push(next.velocity);
      return out;
    });
    this.advance(w!, velocity, 2);
  }
}
