/**
 * What SGD, SAM and Entropy-SGD share: one point, a momentum velocity once there is one, the
 * counters, and their snapshot (the point under its name, the velocity, the subclass's scalars).
 * A subclass computes the next point and velocity in `step()` and hands them to `advance`.
 */
import type { Tensor1D } from '@tensorflow/tfjs-core';
import type { Optimizer, OptimizerSnapshot } from './optimizer';
import type { OptimizerSpec } from './optimizerSpec';
import {
  checkSnapshot,
  readVectors,
  requireVector,
  restoreVector,
  vectorTensor,
} from './snapshotState';

export abstract class MomentumOptimizer<S extends OptimizerSpec> implements Optimizer<S> {
  steps = 0;
  gradEvals = 0;
  protected point: Tensor1D;
  protected velocity: Tensor1D | null = null;

  constructor(
    readonly spec: S,
    paramCount: number,
    init: Float32Array,
    from: OptimizerSnapshot | undefined,
    /** The point's name in snapshots ('w', or 'x' for Entropy-SGD). */
    private readonly pointName: string,
  ) {
    if (from) {
      checkSnapshot(from, spec.kind, paramCount);
      this.point = requireVector(from, pointName);
      this.velocity = restoreVector(from, 'velocity') ?? null;
      this.steps = from.steps;
      this.gradEvals = from.gradEvals;
    } else {
      this.point = vectorTensor(init);
    }
  }

  abstract step(): void;

  params(): Tensor1D {
    return this.point;
  }

  /** Replaces the point and velocity (freeing the old ones) after a step that cost `gradEvals`. */
  protected advance(point: Tensor1D, velocity: Tensor1D | undefined, gradEvals: number): void {
    this.point.dispose();
    this.velocity?.dispose();
    this.point = point;
    this.velocity = velocity ?? null;
    this.steps += 1;
    this.gradEvals += gradEvals;
  }

  /** Scalars a subclass saves beside the vectors (e.g. the norm schedule's n0). */
  protected snapshotScalars(): Record<string, number> {
    return {};
  }

  async snapshot(): Promise<OptimizerSnapshot> {
    const tensors: Record<string, Tensor1D> = { [this.pointName]: this.point };
    if (this.velocity) tensors.velocity = this.velocity;
    return {
      version: 1,
      kind: this.spec.kind,
      steps: this.steps,
      gradEvals: this.gradEvals,
      vectors: await readVectors(tensors),
      scalars: this.snapshotScalars(),
    };
  }

  dispose(): void {
    this.point.dispose();
    this.velocity?.dispose();
    this.velocity = null;
  }
}
