/**
 * The optimizer behind one run of an experiment: the spec's optimizer on the full space, the same
 * confined to a random hyperplane through the initialization, or — for a rescaled copy — a view
 * of an earlier run's optimizer through the ReLU rescaling, which never trains on its own.
 */
import * as tf from '@tensorflow/tfjs-core';
import { HyperplaneOptimizer, hyperplaneProblem } from '../core/hyperplane/hyperplaneOptimizer';
import { randomHyperplane } from '../core/hyperplane/randomHyperplane';
import { rescaleReluLayers } from '../core/models/rescaleReluLayers';
import { createOptimizer } from '../core/optimizers/createOptimizer';
import type { Optimizer, OptimizerSnapshot } from '../core/optimizers/optimizer';
import type { OptimizerOptions } from '../core/optimizers/optimizer';
import type { ParamBlock, TrainingProblem } from '../core/types';
import type { RescaledCopy, RunSpec } from '../protocol/experimentSpec';

/**
 * The run's optimizer on the full space or in its hyperplane. The hyperplane is drawn from the
 * run's seed ('hyperplane' stream), so seed spread also spreads the hyperplanes.
 */
export function trainingOptimizer(
  run: RunSpec,
  problem: TrainingProblem,
  init: Float32Array,
  options: OptimizerOptions,
): Optimizer {
  const d = run.hyperplane;
  if (d === undefined) return createOptimizer(run.optimizer, problem, init, options);
  const D = problem.paramCount;
  if (d > D) throw new Error(`a ${d}-dimensional hyperplane needs more than the ${D} parameters`);
  const plane = randomHyperplane(D, d, { seed: options.seed, stream: 'hyperplane' });
  const inPlane = hyperplaneProblem(problem, init, plane);
  const origin = new Float32Array(d);
  try {
    const inner = createOptimizer(run.optimizer, inPlane, origin, {
      ...options,
      initReplica: () => origin,
    });
    return new HyperplaneOptimizer(inner, inPlane);
  } catch (error) {
    inPlane.dispose();
    throw error;
  }
}

/**
 * `source` seen through `copy`'s rescaling: the same steps and gradient count, its point with
 * hidden layer k × c and layer k + 1 × 1/c (one elementwise product, once per step). It owns no
 * state worth saving: resumed, it is rebuilt from its source.
 */
export class RescaledCopyOptimizer implements Optimizer {
  private readonly scale: tf.Tensor1D;
  private point: tf.Tensor1D | null = null;
  private pointStep = -1;

  constructor(
    private readonly source: Optimizer,
    layout: readonly ParamBlock[],
    copy: RescaledCopy,
  ) {
    const ones = new Float32Array(source.params().size).fill(1);
    this.scale = tf.tensor1d(rescaleReluLayers(layout, ones, copy.layer, copy.factor));
  }

  get spec() {
    return this.source.spec;
  }

  get steps(): number {
    return this.source.steps;
  }

  get gradEvals(): number {
    return this.source.gradEvals;
  }

  params(): tf.Tensor1D {
    if (!this.point || this.pointStep !== this.source.steps) {
      this.point?.dispose();
      this.point = tf.mul<tf.Tensor1D>(this.source.params(), this.scale);
      this.pointStep = this.source.steps;
    }
    return this.point;
  }

  /** A copy does not train: its source's steps move it. */
  step(): void {}

  snapshot(): Promise<OptimizerSnapshot> {
    return Promise.resolve({
      version: 1,
      kind: this.source.spec.kind,
      steps: this.source.steps,
      gradEvals: this.source.gradEvals,
      vectors: {},
      scalars: {},
    });
  }

  /** Frees the copy's own tensors (the source frees its own). */
  dispose(): void {
    this.point?.dispose();
    this.point = null;
    this.scale.dispose();
  }
}
