/**
 * Training confined to a random hyperplane: only φ ∈ R^d moves, θ = θ₀ + M φ.
 */
import * as tf from '@tensorflow/tfjs-core';
import { checkpoint } from '../linalg/checkpoint';
import type { ChunkOptions, TrainingProblem } from '../types';
import type { RandomHyperplane } from './randomHyperplane';

export interface HyperplaneTrainingOptions {
  steps: number;
  learningRate: number;
  /** Minibatch size B (the problem's 'batches' stream). */
  batchSize: number;
  /** Starting φ (default 0, i.e. θ = θ₀). */
  phi0?: ArrayLike<number>;
  /** Steps per chunk between progress reports (default 20). */
  chunkSteps?: number;
}

export interface HyperplaneTraining {
  /** Final φ [d]. */
  readonly phi: Float64Array;
  /** Final θ = θ₀ + M φ [D]. */
  readonly theta: Float32Array;
  /** The minibatch loss before each step, [steps]. */
  readonly losses: Float64Array;
}

/**
 * Plain SGD on φ: φ ← φ − η ∇_φ L_B(θ₀ + Mφ), where by the chain rule ∇_φ = Mᵀ ∇_θ L_B.
 * Dense M lives on the backend as a [D, d] tensor and tfjs differentiates through θ₀ + Mφ;
 * a streamed M multiplies on the host (Mφ up, ∇_θ down, Mᵀ∇_θ on the host). Minibatches from
 * `problem.nextBatch`. Progress and cancellation every `chunkSteps` steps.
 */
export async function trainInHyperplane(
  problem: TrainingProblem,
  theta0: ArrayLike<number>,
  plane: RandomHyperplane,
  options: HyperplaneTrainingOptions,
  opts: ChunkOptions = {},
): Promise<HyperplaneTraining> {
  const { steps, learningRate, batchSize } = options;
  const chunk = options.chunkSteps ?? 20;
  const d = plane.subspaceDim;
  const D = plane.dim;
  const losses = new Float64Array(steps);
  const base = tf.tensor1d(Float32Array.from(theta0));
  const dense = plane.dense;
  const m = dense ? tf.tidy(() => tf.transpose(tf.tensor2d(dense, [d, D]))) : undefined;
  let phi = tf.tensor1d(options.phi0 ? Float32Array.from(options.phi0) : new Float32Array(d));
  const pending: tf.Scalar[] = [];
  try {
    for (let t = 0; t < steps; t++) {
      const batch = problem.nextBatch(batchSize);
      try {
        if (m) {
          const lossOf = (p: tf.Tensor) =>
            problem.loss(tf.add(base, tf.squeeze(tf.matMul(m, tf.reshape(p, [d, 1])), [1])), batch);
          const { value, grads } = tf.tidy(() => {
            const r = tf.valueAndGrad(lossOf)(phi);
            return { value: r.value, grads: r.grad };
          });
          const next = tf.tidy(() => tf.sub<tf.Tensor1D>(phi, tf.mul(grads, learningRate)));
          grads.dispose();
          phi.dispose();
          phi = next;
          pending.push(value);
        } else {
          const phiHost = await phi.data();
          const theta = tf.tidy(() =>
            tf.add(base, tf.tensor1d(Float32Array.from(plane.embed(phiHost)))),
          );
          const { value, grad } = tf.tidy(() =>
            tf.valueAndGrad((w: tf.Tensor) => problem.loss(w as tf.Tensor1D, batch))(theta),
          );
          theta.dispose();
          const g = await grad.data();
          grad.dispose();
          const gPhi = plane.project(g);
          const next = tf.tidy(() =>
            tf.sub<tf.Tensor1D>(phi, tf.mul(tf.tensor1d(Float32Array.from(gPhi)), learningRate)),
          );
          phi.dispose();
          phi = next;
          pending.push(value);
        }
      } finally {
        batch.x.dispose();
        batch.y.dispose();
      }
      if ((t + 1) % chunk === 0 || t === steps - 1) {
        const values = tf.stack(pending);
        const data = await values.data();
        values.dispose();
        data.forEach((v, i) => (losses[t + 1 - pending.length + i] = v));
        pending.splice(0).forEach((s) => s.dispose());
        await checkpoint(opts, (t + 1) / steps);
      }
    }
    const phiHost = Float64Array.from(await phi.data());
    const offset = plane.embed(phiHost);
    const theta = Float32Array.from(theta0, (x, i) => x + offset[i]!);
    return { phi: phiHost, theta, losses };
  } finally {
    pending.forEach((s) => s.dispose());
    base.dispose();
    m?.dispose();
    phi.dispose();
  }
}
