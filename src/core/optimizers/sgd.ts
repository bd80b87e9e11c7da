/** Minibatch SGD with momentum, Nesterov, weight decay, a learning-rate and a norm schedule. */
import * as tf from '@tensorflow/tfjs-core';
import type { Tensor1D } from '@tensorflow/tfjs-core';
import type { TrainingProblem } from '../types';
import { project, rescaleToNorm } from './constrain';
import { lossGradient } from './lossGradient';
import type { Optimizer, OptimizerSnapshot } from './optimizer';
import type { SgdSpec } from './optimizerSpec';
import { learningRateAt, normTargetAt } from './schedules';
import { sgdUpdate } from './sgdUpdate';
import {
  checkSnapshot,
  readVectors,
  requireVector,
  restoreVector,
  vectorTensor,
} from './snapshotState';

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

class Sgd implements Optimizer<SgdSpec> {
  steps = 0;
  gradEvals = 0;
  private w: Tensor1D;
  private velocity: Tensor1D | null = null;
  /** The norm schedule's n0 (defaults to ‖w_init‖). */
  private readonly n0: number;

  constructor(
    readonly spec: SgdSpec,
    private readonly problem: TrainingProblem,
    init: Float32Array,
    from?: OptimizerSnapshot,
  ) {
    if (from) {
      checkSnapshot(from, 'sgd', problem.paramCount);
      this.w = requireVector(from, 'w');
      this.velocity = restoreVector(from, 'velocity') ?? null;
      this.steps = from.steps;
      this.gradEvals = from.gradEvals;
      this.n0 = from.scalars.n0 ?? hostNorm(init);
    } else {
      this.w = vectorTensor(init);
      this.n0 = spec.normSchedule.kind === 'grow' ? (spec.normSchedule.n0 ?? hostNorm(init)) : 0;
    }
  }

  params(): Tensor1D {
    return this.w;
  }

  step(): void {
    const { spec, problem } = this;
    const lr = learningRateAt(spec.lrSchedule, spec.lr, this.steps);
    const target = normTargetAt(spec.normSchedule, this.n0, this.steps + 1);
    const [w, velocity] = tf.tidy(() => {
      const batch = problem.nextBatch(spec.batchSize);
      const g = lossGradient(problem, this.w, batch);
      const next = sgdUpdate(this.w, g, this.velocity, spec, lr);
      const scaled = target === undefined ? next.w : rescaleToNorm(next.w, target);
      const out = [project(problem, scaled)];
      if (next.velocity) out.push(next.velocity);
      return out;
    });
    this.w.dispose();
    this.velocity?.dispose();
    this.w = w!;
    this.velocity = velocity ?? null;
    this.steps += 1;
    this.gradEvals += 1;
  }

  async snapshot(): Promise<OptimizerSnapshot> {
    const tensors: Record<string, Tensor1D> = { w: this.w };
    if (this.velocity) tensors.velocity = this.velocity;
    return {
      version: 1,
      kind: 'sgd',
      steps: this.steps,
      gradEvals: this.gradEvals,
      vectors: await readVectors(tensors),
      scalars: { n0: this.n0 },
    };
  }

  dispose(): void {
    this.w.dispose();
    this.velocity?.dispose();
    this.velocity = null;
  }
}

/** ‖x‖₂ of host data, accumulated in float64. */
function hostNorm(x: Float32Array): number {
  let s = 0;
  for (const v of x) s += v * v;
  return Math.sqrt(s);
}
