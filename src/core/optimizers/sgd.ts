/** Minibatch SGD with momentum, Nesterov, weight decay, a learning-rate and a norm schedule. */
import * as tf from '@tensorflow/tfjs-core';
import type { TrainingProblem } from '../types';
import { project, rescaleToNorm } from './constrain';
import { lossGradient } from './lossGradient';
import { MomentumOptimizer } from './momentumOptimizer';
import type { Optimizer, OptimizerSnapshot } from './optimizer';
import type { SgdSpec } from './optimizerSpec';
import { learningRateAt, normTargetAt } from './schedules';
import { sgdUpdate } from './sgdUpdate';

/**
 * SGD (SCIENCE.md §4). Step t on a fresh minibatch B: g = ∇L_B(w); the SGD rule
 * d = g + λw, v ← μv + d, d ← d + μv (Nesterov) or v, w ← w − η_t d; then, with a 'grow' norm
 * schedule, w ← w·n(t+1)/‖w‖ with n(t) = n0(1 + rate)^t; then `problem.project`. One gradient per step.
 */
export function createSgd(
  spec: SgdSpec,
  problem: TrainingProblem,
  init: Float32Array,
  from?: OptimizerSnapshot,
): Optimizer<SgdSpec> {
  return new Sgd(spec, problem, init, from);
}

class Sgd extends MomentumOptimizer<SgdSpec> {
  /** The norm schedule's n0 (defaults to ‖w_init‖). */
  private readonly n0: number;

  constructor(
    spec: SgdSpec,
    private readonly problem: TrainingProblem,
    init: Float32Array,
    from?: OptimizerSnapshot,
  ) {
    super(spec, problem.paramCount, init, from, 'w');
    this.n0 = from
      ? (from.scalars.n0 ?? hostNorm(init))
      : spec.normSchedule.kind === 'grow'
        ? (spec.normSchedule.n0 ?? hostNorm(init))
        : 0;
  }

  step(): void {
    const { spec, problem } = this;
    const lr = learningRateAt(spec.lrSchedule, spec.lr, this.steps);
    const target = normTargetAt(spec.normSchedule, this.n0, this.steps + 1);
    const [w, velocity] = tf.tidy(() => {
      const batch = problem.nextBatch(spec.batchSize);
      const g = lossGradient(problem, this.point, batch);
      const next = sgdUpdate(this.point, g, this.velocity, spec, lr);
      const scaled = target === undefined ? next.w : rescaleToNorm(next.w, target);
      const out = [project(problem, scaled)];
      if (next.velocity) out.push(next.velocity);
      return out;
    });
    this.advance(w!, velocity, 1);
  }

  protected override snapshotScalars(): Record<string, number> {
    return { n0: this.n0 };
  }
}

/** ‖x‖₂ of host data, accumulated in float64. */
function hostNorm(x: Float32Array): number {
  let s = 0;
  for (const v of x) s += v * v;
  return Math.sqrt(s);
}
