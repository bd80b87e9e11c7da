/** Sharpness-Aware Minimization (Foret et al. 2021). */
import * as tf from '@tensorflow/tfjs-core';
import type { Tensor1D } from '@tensorflow/tfjs-core';
import type { Batch, TrainingProblem } from '../types';
import { euclideanNorm, project } from './constrain';
import { lossGradient } from './lossGradient';
import type { Optimizer, OptimizerSnapshot } from './optimizer';
import type { SamSpec } from './optimizerSpec';
import { learningRateAt } from './schedules';
import { sgdUpdate } from './sgdUpdate';
import {
  checkSnapshot,
  readVectors,
  requireVector,
  restoreVector,
  vectorTensor,
} from './snapshotState';

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

class Sam implements Optimizer<SamSpec> {
  steps = 0;
  gradEvals = 0;
  private w: Tensor1D;
  private velocity: Tensor1D | null = null;

  constructor(
    readonly spec: SamSpec,
    private readonly problem: TrainingProblem,
    init: Float32Array,
    from?: OptimizerSnapshot,
  ) {
    if (from) {
      checkSnapshot(from, 'sam', problem.paramCount);
      this.w = requireVector(from, 'w');
      this.velocity = restoreVector(from, 'velocity') ?? null;
      this.steps = from.steps;
      this.gradEvals = from.gradEvals;
    } else {
      this.w = vectorTensor(init);
    }
  }

  params(): Tensor1D {
    return this.w;
  }

  step(): void {
    const { spec, problem } = this;
    const lr = learningRateAt(spec.lrSchedule, spec.lr, this.steps);
    const [w, velocity] = tf.tidy(() => {
      const batch = problem.nextBatch(spec.batchSize);
      const g = samGradient(problem, this.w, batch, spec.rho);
      const next = sgdUpdate(this.w, g, this.velocity, spec, lr);
      const out = [project(problem, next.w)];
      if (next.velocity) out.push(next.velocity);
      return out;
    });
    this.dispose();
    this.w = w!;
    this.velocity = velocity ?? null;
    this.steps += 1;
    this.gradEvals += 2;
  }

  async snapshot(): Promise<OptimizerSnapshot> {
    const tensors: Record<string, Tensor1D> = { w: this.w };
    if (this.velocity) tensors.velocity = this.velocity;
    return {
      version: 1,
      kind: 'sam',
      steps: this.steps,
      gradEvals: this.gradEvals,
      vectors: await readVectors(tensors),
      scalars: {},
    };
  }

  dispose(): void {
    this.w.dispose();
    this.velocity?.dispose();
    this.velocity = null;
  }
}
