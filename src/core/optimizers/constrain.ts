/** What happens to the weights after a step: the norm schedule, then the model's constraint. */
import type { Tensor1D } from '@tensorflow/tfjs-core';
import type { TrainingProblem } from '../types';

/** w · n/‖w‖: w rescaled to Euclidean norm n (NaN for w = 0, never a throw). Call inside `tf.tidy`. */
export function rescaleToNorm(w: Tensor1D, n: number): Tensor1D {
  return w.mul(w.norm().reciprocal().mul(n));
}

/** `problem.project(w)` when the problem has a constraint, else w itself. */
export function project(problem: TrainingProblem, w: Tensor1D): Tensor1D {
  return problem.project ? problem.project(w) : w;
}
