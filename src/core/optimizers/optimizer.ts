/**
 * The runtime interface every optimizer implements, its serializable snapshot, and the options of
 * `createOptimizer`.
 */
import type { Tensor1D } from '@tensorflow/tfjs-core';
import type { Rng } from '../types';
import type { OptimizerKind, OptimizerSpec } from './optimizerSpec';

/**
 * A running optimizer. It owns its tensors; `step()` never reads a tensor back (WebGPU forbids
 * synchronous reads), never throws on NaN and leaves divergence detection to the engine.
 */
export interface Optimizer<S extends OptimizerSpec = OptimizerSpec> {
  readonly spec: S;
  /** Outer steps taken so far. */
  readonly steps: number;
  /** Minibatch gradient evaluations spent so far (the budget optimizers are compared at). */
  readonly gradEvals: number;
  /**
   * The point to evaluate, shape [D]: the weights, or the centre w̄ for Replicated-SGD. Owned by
   * the optimizer and replaced by the next `step()`: do not dispose it, clone it to keep it.
   */
  params(): Tensor1D;
  /** One outer step, consuming minibatches from `problem.nextBatch`. */
  step(): void;
  /** Plain, structured-cloneable state to resume from (after a worker crash). */
  snapshot(): Promise<OptimizerSnapshot>;
  /** Frees every tensor the optimizer owns. */
  dispose(): void;
}

/**
 * An optimizer's state as host data: named float32 vectors (weights, velocities, moments,
 * replicas) and scalars, plus the counters. The minibatch stream's position is the problem's
 * concern, not the optimizer's.
 */
export interface OptimizerSnapshot {
  readonly version: 1;
  readonly kind: OptimizerKind;
  readonly steps: number;
  readonly gradEvals: number;
  readonly vectors: Readonly<Record<string, Float32Array>>;
  readonly scalars: Readonly<Record<string, number>>;
}

/** Options of `createOptimizer`. */
export interface OptimizerOptions {
  /** The experiment's seed: with `runIndex` and the step, it keys the 'noise' stream. */
  readonly seed: number;
  /** Which run of the experiment this is (different runs draw different noise); default 0. */
  readonly runIndex?: number;
  /** Replica a's initial weights (Replicated-SGD); absent, every replica starts from `init`. */
  readonly initReplica?: (a: number) => Float32Array;
  /** Resume from this snapshot instead of `init`. */
  readonly from?: OptimizerSnapshot;
  /**
   * The 'noise' stream of outer step t. Absent, `createRng(seed, 'noise', runIndex, t)`: one fresh
   * sub-stream per outer step makes a resumed run draw exactly the noise it would have drawn.
   */
  readonly noiseRng?: (step: number) => Rng;
}
