/** The minibatch gradient every optimizer steps with. */
import * as tf from '@tensorflow/tfjs-core';
import type { Tensor1D } from '@tensorflow/tfjs-core';
import type { Batch, TrainingProblem } from '../types';

/**
 * g = ∇_w L_B(w), shape [D]: the problem's own `gradient` when it has one, else one reverse-mode
 * pass through `problem.loss(w, batch)`. Allocates: call inside `tf.tidy`.
 */
export function lossGradient(problem: TrainingProblem, w: Tensor1D, batch: Batch): Tensor1D {
  if (problem.gradient) return problem.gradient(w, batch);
  return tf.grad((v) => problem.loss(v as Tensor1D, batch))(w) as Tensor1D;
}
