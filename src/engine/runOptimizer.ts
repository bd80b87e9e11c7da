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
import { MappedOptimizer } from '../core/optimizers/mappedOptimizer';
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
 * hidden layer k × c and layer k + 1 × 1/c (one elementwise product, once per step). It never
 * steps its source (the source's own run does) and owns no state worth saving: resumed, it is
 * rebuilt from its source.
 */
export class RescaledCopyOptimizer extends MappedOptimizer {
  private readonly scale: tf.Tensor1D;

  constructor(source: Optimizer, layout: readonly ParamBlock[], copy: RescaledCopy) {
    super(source);
    const ones = new Float32Array(source.params().size).fill(1);
    this.scale = tf.tensor1d(rescaleReluLayers(layout, ones, copy.layer, copy.factor));
  }

  protected map(p: tf.Tensor1D): tf.Tensor1D {
    return tf.mul<tf.Tensor1D>(p, this.scale);
  }

  /** A copy does not train: its source's run steps it. */
  override step(): void {}

  override snapshot(): Promise<OptimizerSnapshot> {
    const { spec, steps, gradEvals } = this.inner;
    return Promise.resolve({
      version: 1,
      kind: spec.kind,
      steps,
      gradEvals,
      vectors: {},
      scalars: {},
    });
  }

  /** Frees the copy's own tensors (the source's run frees the source). */
  override dispose(): void {
    super.dispose();
    this.scale.dispose();
  }
}
