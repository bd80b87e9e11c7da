/** Adam, bias-corrected (Kingma & Ba 2015), for completeness. */
import * as tf from '@tensorflow/tfjs-core';
import type { Tensor1D } from '@tensorflow/tfjs-core';
import type { TrainingProblem } from '../types';
import { project } from './constrain';
import { lossGradient } from './lossGradient';
import type { Optimizer, OptimizerSnapshot } from './optimizer';
import type { AdamSpec } from './optimizerSpec';
import { learningRateAt } from './schedules';
import { checkSnapshot, readVectors, requireVector, vectorTensor } from './snapshotState';

/**
 * Adam. Step t = 1, 2, … on a fresh minibatch: g = ∇L_B(w) + λw; m ← β1 m + (1 − β1) g;
 * v ← β2 v + (1 − β2) g²; w ← w − η_t (m/(1 − β1^t)) / (√(v/(1 − β2^t)) + ε); then
 * `problem.project`. m₀ = v₀ = 0. One gradient per step.
 */
export function createAdam(
  spec: AdamSpec,
  problem: TrainingProblem,
  init: Float32Array,
  from?: OptimizerSnapshot,
): Optimizer<AdamSpec> {
  return new Adam(spec, problem, init, from);
}

class Adam implements Optimizer<AdamSpec> {
  steps = 0;
  gradEvals = 0;
  private w: Tensor1D;
  private m: Tensor1D;
  private v: Tensor1D;

  constructor(
    readonly spec: AdamSpec,
    private readonly problem: TrainingProblem,
    init: Float32Array,
    from?: OptimizerSnapshot,
  ) {
    if (from) {
      checkSnapshot(from, 'adam', problem.paramCount);
      this.w = requireVector(from, 'w');
      this.m = requireVector(from, 'm');
      this.v = requireVector(from, 'v');
      this.steps = from.steps;
      this.gradEvals = from.gradEvals;
    } else {
      this.w = vectorTensor(init);
      this.m = tf.zeros([init.length]);
      this.v = tf.zeros([init.length]);
    }
  }

  params(): Tensor1D {
    return this.w;
  }

  step(): void {
    const { spec, problem } = this;
    const t = this.steps + 1;
    const lr = learningRateAt(spec.lrSchedule, spec.lr, this.steps);
    const c1 = 1 / (1 - spec.beta1 ** t);
    const c2 = 1 / (1 - spec.beta2 ** t);
    const [w, m, v] = tf.tidy(() => {
      const batch = problem.nextBatch(spec.batchSize);
      let g = lossGradient(problem, this.w, batch);
      if (spec.weightDecay !== 0) g = tf.add(g, tf.mul(this.w, spec.weightDecay));
      const m: Tensor1D = tf.add(tf.mul(this.m, spec.beta1), tf.mul(g, 1 - spec.beta1));
      const v: Tensor1D = tf.add(tf.mul(this.v, spec.beta2), tf.mul(tf.square(g), 1 - spec.beta2));
      const direction = tf.div(tf.mul(m, c1), tf.add(tf.sqrt(tf.mul(v, c2)), spec.epsilon));
      return [project(problem, tf.sub(this.w, tf.mul(direction, lr))), m, v];
    });
    this.dispose();
    this.w = w!;
    this.m = m!;
    this.v = v!;
    this.steps = t;
    this.gradEvals += 1;
  }

  async snapshot(): Promise<OptimizerSnapshot> {
    return {
      version: 1,
      kind: 'adam',
      steps: this.steps,
      gradEvals: this.gradEvals,
      vectors: await readVectors({ w: this.w, m: this.m, v: this.v }),
      scalars: {},
    };
  }

  dispose(): void {
    this.w.dispose();
    this.m.dispose();
    this.v.dispose();
  }
}
