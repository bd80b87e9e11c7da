/**
 * Small `TrainingProblem`s with known answers, for the optimizers' tests: a quadratic bowl, a
 * logistic regression and a deep linear network. Each draws its minibatches from its own seeded
 * 'batches' stream, so two problems built alike serve identical batches.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Tensor1D } from '@tensorflow/tfjs-core';
import { createRng } from '../random';
import type { Batch, Rng, TrainingProblem } from '../types';

/** A problem that also counts the minibatches it served. */
export interface CountingProblem extends TrainingProblem {
  readonly batchesServed: number;
}

/**
 * f(w) = ½(w − c)ᵀA(w − c), A symmetric [D×D] (row-major `a`), whatever the batch: every "batch" is
 * the full batch. ∇f = A(w − c), ∇²f = A.
 */
export function quadraticProblem(
  a: readonly number[][],
  c: readonly number[],
  project?: (w: Tensor1D) => Tensor1D,
): CountingProblem {
  const d = c.length;
  const flatA = Float32Array.from(a.flat());
  const centre = Float32Array.from(c);
  let served = 0;
  return {
    paramCount: d,
    get batchesServed() {
      return served;
    },
    loss: (w) =>
      tf.tidy(() => {
        const r = tf.sub(w, tf.tensor1d(centre));
        const ar = tf.reshape(tf.matMul(tf.tensor2d(flatA, [d, d]), tf.reshape(r, [d, 1])), [d]);
        return tf.mul(0.5, tf.sum(tf.mul(r, ar)));
      }),
    nextBatch: (): Batch => {
      served += 1;
      return { x: tf.zeros([1, 1]), y: tf.zeros([1]) };
    },
    ...(project ? { project } : {}),
  };
}

/** Samples `x` [P, n] (row-major) and labels `y` [P] served in seeded random minibatches. */
function sampledProblem(
  x: Float32Array,
  y: Float32Array,
  n: number,
  paramCount: number,
  seed: number,
  loss: (w: Tensor1D, batch: Batch) => tf.Scalar,
): CountingProblem {
  const p = y.length;
  const rng: Rng = createRng(seed, 'batches');
  let served = 0;
  return {
    paramCount,
    get batchesServed() {
      return served;
    },
    loss,
    nextBatch: (size) => {
      served += 1;
      const bx = new Float32Array(size * n);
      const by = new Float32Array(size);
      for (let i = 0; i < size; i++) {
        const k = rng.int(p);
        bx.set(x.subarray(k * n, (k + 1) * n), i * n);
        by[i] = y[k]!;
      }
      return { x: tf.tensor2d(bx, [size, n]), y: tf.tensor1d(by) };
    },
  };
}

/**
 * Logistic regression with ±1 labels: L(w) = mean_μ log(1 + exp(−y_μ w·x_μ)), P samples in R^n
 * from a random teacher (labels flipped at rate 0.1 so the minimum is finite), minibatches drawn
 * with replacement. D = n.
 */
export function logisticProblem(n: number, p: number, seed: number): CountingProblem {
  const rng = createRng(seed, 'data');
  const teacher = Array.from({ length: n }, () => rng.normal());
  const x = new Float32Array(p * n);
  const y = new Float32Array(p);
  for (let mu = 0; mu < p; mu++) {
    let field = 0;
    for (let j = 0; j < n; j++) {
      const v = rng.normal();
      x[mu * n + j] = v;
      field += v * teacher[j]!;
    }
    y[mu] = (field >= 0 ? 1 : -1) * (rng.uniform() < 0.1 ? -1 : 1);
  }
  return sampledProblem(x, y, n, n, seed, (w, batch) =>
    tf.tidy(() => {
      const fields = tf.reshape(tf.matMul(batch.x, tf.reshape(w, [n, 1])), [-1]);
      return tf.mean(tf.softplus(tf.neg(tf.mul(batch.y, fields))));
    }),
  );
}

/**
 * A deep linear network ŷ = W₂W₁x with W₁ [h×n], W₂ [1×h], flattened as [W₁ row-major, W₂];
 * loss mean_μ (ŷ_μ − y_μ)². Quartic in w, and built from matMul, sub and square only, so nested
 * `tf.grad` differentiates it twice exactly. D = h·n + h.
 */
export function deepLinearProblem(n: number, h: number, p: number, seed: number): CountingProblem {
  const rng = createRng(seed, 'data');
  const x = new Float32Array(p * n);
  const y = new Float32Array(p);
  for (let mu = 0; mu < p; mu++) {
    let s = 0;
    for (let j = 0; j < n; j++) {
      const v = rng.normal();
      x[mu * n + j] = v;
      s += Math.sin(j + 1) * v;
    }
    y[mu] = s + 0.3 * rng.normal();
  }
  return sampledProblem(x, y, n, h * n + h, seed, (w, batch) =>
    tf.tidy(() => {
      const w1 = tf.reshape(tf.slice(w, 0, h * n), [h, n]);
      const w2 = tf.reshape(tf.slice(w, h * n, h), [h, 1]);
      const out = tf.matMul(tf.matMul(batch.x, w1, false, true), w2);
      return tf.mean(tf.square(tf.sub(tf.reshape(out, [-1]), batch.y)));
    }),
  );
}

/** `count` standard normal draws from the seeded 'init' stream, as float32. */
export function randomInit(count: number, seed: number, scale = 1): Float32Array {
  const rng = createRng(seed, 'init');
  return Float32Array.from({ length: count }, () => scale * rng.normal());
}
