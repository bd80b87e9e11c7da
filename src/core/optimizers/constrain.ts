/** What happens to the weights after a step: the norm schedule, then the model's constraint. */
import * as tf from '@tensorflow/tfjs-core';
import type { Tensor1D } from '@tensorflow/tfjs-core';
import type { TrainingProblem } from '../types';

/** ‖w‖₂ = √(Σ w_i²), a scalar tensor. Call inside `tf.tidy`. */
export function euclideanNorm(w: Tensor1D): tf.Scalar {
  const squares: tf.Scalar = tf.sum(tf.square(w));
  return tf.sqrt(squares);
}

/** w · n/‖w‖: w rescaled to Euclidean norm n (NaN for w = 0, never a throw). Call inside `tf.tidy`. */
export function rescaleToNorm(w: Tensor1D, n: number): Tensor1D {
  return tf.mul(w, tf.div(n, euclideanNorm(w)));
}

/** `problem.project(w)` when the problem has a constraint, else w itself. */
export function project(problem: TrainingProblem, w: Tensor1D): Tensor1D {
  return problem.project ? problem.project(w) : w;
}
