/** Replicated-SGD (Pittorino et al. 2021): y coupled replicas, evaluated at their centre. */
import * as tf from '@tensorflow/tfjs-core';
import type { Tensor1D } from '@tensorflow/tfjs-core';
import type { TrainingProblem } from '../types';
import { project } from './constrain';
import { lossGradient } from './lossGradient';
import type { Optimizer, OptimizerSnapshot } from './optimizer';
import type { ReplicatedSgdSpec } from './optimizerSpec';
import { couplingAt, replicaCoupling } from './couplingSchedule';
import { learningRateAt } from './schedules';
import { sgdUpdate } from './sgdUpdate';
import {
  checkSnapshot,
  readVectors,
  requireVector,
  restoreVector,
  vectorTensor,
} from './snapshotState';

/**
 * Replicated-SGD. Outer step t: g_t = min(gMax, g_stable, g0(1 + g1)^t) (`couplingSchedule.ts`),
 * w̄ = (1/y)Σ_a w_a; each replica a, in order, on its own fresh minibatch B_a, takes the SGD
 * rule (momentum, Nesterov, weight decay, schedule) with the direction ∇L_{B_a}(w_a) + 2g_t (w_a − w̄), then `problem.project`. The new
 * centre is the mean of the new replicas (projected too, so the evaluated point obeys the model's
 * constraint); with y = 1 it is the replica itself, and the run is SGD's. y gradients per step.
 *
 * Replica a starts from `initReplica(a)` (independent draws from the 'init' stream, as in the
 * paper) or, absent that, from `init` (the replicas then part only through their minibatches).
 */
export function createReplicatedSgd(
  spec: ReplicatedSgdSpec,
  problem: TrainingProblem,
  init: Float32Array,
  initReplica?: (a: number) => Float32Array,
  from?: OptimizerSnapshot,
): Optimizer<ReplicatedSgdSpec> {
  return new ReplicatedSgd(spec, problem, init, initReplica, from);
}

class ReplicatedSgd implements Optimizer<ReplicatedSgdSpec> {
  steps = 0;
  gradEvals = 0;
  private replicas: Tensor1D[];
  private velocities: (Tensor1D | null)[];
  private centre: Tensor1D;

  constructor(
    readonly spec: ReplicatedSgdSpec,
    private readonly problem: TrainingProblem,
    init: Float32Array,
    initReplica: ((a: number) => Float32Array) | undefined,
    from: OptimizerSnapshot | undefined,
  ) {
    const y = spec.replicas;
    if (from) {
      checkSnapshot(from, 'replicatedSgd', problem.paramCount);
      this.replicas = range(y).map((a) => requireVector(from, `replica${a}`));
      this.velocities = range(y).map((a) => restoreVector(from, `velocity${a}`) ?? null);
      this.steps = from.steps;
      this.gradEvals = from.gradEvals;
    } else {
      this.replicas = range(y).map((a) => vectorTensor(initReplica ? initReplica(a) : init));
      this.velocities = range(y).map(() => null);
    }
    this.centre = tf.tidy(() => this.centreOf(this.replicas));
  }

  params(): Tensor1D {
    return this.centre;
  }

  step(): void {
    const { spec, problem } = this;
    const y = spec.replicas;
    const lr = learningRateAt(spec.lrSchedule, spec.lr, this.steps);
    const coupling = 2 * couplingAt(replicaCoupling(spec), this.steps).value;
    const { replicas, velocities, centre } = tf.tidy(() => {
      const replicas: Tensor1D[] = [];
      const velocities: Tensor1D[] = [];
      this.replicas.forEach((w, a) => {
        const batch = problem.nextBatch(spec.batchSize);
        const g = lossGradient(problem, w, batch);
        const d: Tensor1D = tf.add(g, tf.mul(tf.sub(w, this.centre), coupling));
        const next = sgdUpdate(w, d, this.velocities[a] ?? null, spec, lr);
        replicas.push(project(problem, next.w));
        if (next.velocity) velocities.push(next.velocity);
      });
      return { replicas, velocities, centre: this.centreOf(replicas) };
    });
    this.dispose();
    this.replicas = replicas;
    this.velocities = range(y).map((a) => velocities[a] ?? null);
    this.centre = centre;
    this.steps += 1;
    this.gradEvals += y;
  }

  /** w̄ = (1/y)Σ_a w_a, projected; a copy of the replica when y = 1. Call inside `tf.tidy`. */
  private centreOf(replicas: Tensor1D[]): Tensor1D {
    if (replicas.length === 1) return tf.clone(replicas[0]!);
    return project(this.problem, tf.div(tf.addN(replicas), replicas.length));
  }

  async snapshot(): Promise<OptimizerSnapshot> {
    const tensors: Record<string, Tensor1D> = {};
    this.replicas.forEach((w, a) => (tensors[`replica${a}`] = w));
    this.velocities.forEach((v, a) => {
      if (v) tensors[`velocity${a}`] = v;
    });
    return {
      version: 1,
      kind: 'replicatedSgd',
      steps: this.steps,
      gradEvals: this.gradEvals,
      vectors: await readVectors(tensors),
      scalars: {},
    };
  }

  dispose(): void {
    for (const w of this.replicas) w.dispose();
    for (const v of this.velocities) v?.dispose();
    this.centre.dispose();
  }
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
