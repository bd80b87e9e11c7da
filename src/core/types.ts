/**
 * The shared vocabulary of the numeric core. Every module of `src/core` speaks these types; the
 * engine, the CLI and the tests build on them. Pure: tfjs-core types only, no DOM, no host.
 */
import type { Scalar, Tensor1D, Tensor2D } from '@tensorflow/tfjs-core';

/** The named random streams of one experiment (SCIENCE.md: every draw comes from one of these). */
export type StreamName =
  'data' | 'init' | 'batches' | 'noise' | 'directions' | 'probes' | 'hyperplane';

/** A seeded source of random numbers. Same seed and stream ⇒ the same sequence, on every host. */
export interface Rng {
  /** Uniform on [0, 1). */
  uniform(): number;
  /** Standard normal N(0, 1). */
  normal(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** ±1 with probability ½ each (Rademacher). */
  sign(): number;
}

/** How labels are encoded: a class index 0..C−1, or a sign ±1 for binary (perceptron) tasks. */
export type LabelKind = 'class' | 'sign';

/** Samples of one split, row-major: `x[i * inputDim + j]`, label `y[i]`. */
export interface Split {
  readonly x: Float32Array;
  readonly y: Int32Array;
  readonly count: number;
}

export interface Dataset {
  readonly name: string;
  readonly inputDim: number;
  /** Number of classes C (2 for a ±1 task). */
  readonly classes: number;
  readonly labelKind: LabelKind;
  readonly train: Split;
  readonly test: Split;
}

/**
 * One block of the flat parameter vector. Blocks are laid out one after another, layer by layer,
 * each row-major: element (i, j) of a block of shape [rows, cols] is `w[offset + i * cols + j]`.
 * A "unit" (neuron / filter, for filter normalization) is one column of a weight block together
 * with the matching bias entry.
 */
export interface ParamBlock {
  readonly name: string;
  readonly kind: 'weight' | 'bias';
  readonly shape: readonly number[];
  readonly offset: number;
  readonly size: number;
}

/** A model: a differentiable map from one flat parameter vector and inputs to outputs. */
export interface Model {
  readonly paramCount: number;
  /** Output width: C logits for class labels, 1 pre-activation for sign labels. */
  readonly outputDim: number;
  readonly layout: readonly ParamBlock[];
  /** Fresh initial weights drawn from `rng` (the 'init' stream). */
  init(rng: Rng): Float32Array;
  /** The trained (differentiable, twice) network's outputs, shape [n, outputDim]. */
  forward(w: Tensor1D, x: Tensor2D): Tensor2D;
  /**
   * The reported network's prediction, shape [n]: class index for class labels, ±1 for sign
   * labels (the sign network for committee machines, whatever relaxation `forward` trains).
   */
  predict(w: Tensor1D, x: Tensor2D): Tensor1D;
  /**
   * When the reported network is the trained one: the prediction from `forward`'s outputs, so
   * that `predict(w, x)` = `predictFromOutputs(forward(w, x))` and a caller that needs both the
   * loss and the error runs one forward, not two. Absent for the sign networks of committees.
   */
  predictFromOutputs?(outputs: Tensor2D): Tensor1D;
  /** Constraint applied after each optimizer step (spherical perceptron: ‖w‖² = N); identity if absent. */
  project?(w: Tensor1D): Tensor1D;
}

/** A loss on a batch of model outputs: mean over the batch, a scalar. Twice differentiable. */
export type Loss = (outputs: Tensor2D, labels: Tensor1D) => Scalar;

/** A minibatch on the current backend; `y` holds labels as float32 (class index or ±1). */
export interface Batch {
  readonly x: Tensor2D;
  readonly y: Tensor1D;
}

/** Options every long, chunked computation accepts. */
export interface ChunkOptions {
  /** Called with a fraction in [0, 1] as work completes. */
  onProgress?: (fraction: number) => void;
  /** Checked between chunks; once aborted, the computation rejects with a `CancelledError`. */
  signal?: CancelSignal;
  /** Awaited between chunks so the host can handle messages (the worker yields to its event loop). */
  yieldToHost?: () => Promise<void>;
}

/** The part of the DOM's `AbortSignal` the core reads (the core has no DOM types). */
export interface CancelSignal {
  readonly aborted: boolean;
}

/**
 * What an optimizer trains: a minibatch loss of a flat parameter vector, a stream of minibatches,
 * and the model's constraint. Optimizers own their parameter tensors; the problem owns the data.
 */
export interface TrainingProblem {
  readonly paramCount: number;
  /** Mean loss of `w` on `batch`; twice differentiable in `w`. */
  loss(w: Tensor1D, batch: Batch): Scalar;
  /** The next minibatch of `size` samples (seeded 'batches' stream); the caller disposes it. */
  nextBatch(size: number): Batch;
  /** The model's constraint after a step (e.g. the spherical perceptron's ‖w‖² = N). */
  project?(w: Tensor1D): Tensor1D;
  /**
   * ∇_w loss(w, batch), [D], when the problem can compute it faster than the tape (allocates:
   * call in a tidy); absent, optimizers differentiate `loss` (`lossGradient`).
   */
  gradient?(w: Tensor1D, batch: Batch): Tensor1D;
}
