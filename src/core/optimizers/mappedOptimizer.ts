/**
 * An optimizer seen through a map of its point: the same steps and gradient count, and
 * `params()` = map(the inner optimizer's point), computed once per step and owned here.
 */
import type { Tensor1D } from '@tensorflow/tfjs-core';
import type { Optimizer, OptimizerSnapshot } from './optimizer';
import type { OptimizerSpec } from './optimizerSpec';

export abstract class MappedOptimizer<
  S extends OptimizerSpec = OptimizerSpec,
> implements Optimizer<S> {
  private point: Tensor1D | null = null;
  private pointStep = -1;

  constructor(protected readonly inner: Optimizer<S>) {}

  /** The reported point for the inner optimizer's point `p` (a new tensor). */
  protected abstract map(p: Tensor1D): Tensor1D;

  get spec(): S {
    return this.inner.spec;
  }

  get steps(): number {
    return this.inner.steps;
  }

  get gradEvals(): number {
    return this.inner.gradEvals;
  }

  params(): Tensor1D {
    if (!this.point || this.pointStep !== this.inner.steps) {
      this.point?.dispose();
      this.point = this.map(this.inner.params());
      this.pointStep = this.inner.steps;
    }
    return this.point;
  }

  step(): void {
    this.inner.step();
  }

  snapshot(): Promise<OptimizerSnapshot> {
    return this.inner.snapshot();
  }

  /** Frees the mapped point; subclasses free what else they own. */
  dispose(): void {
    this.point?.dispose();
    this.point = null;
  }
}
