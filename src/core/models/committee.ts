import * as tf from '@tensorflow/tfjs-core';
import type { Model, Rng } from '../types';
import type { FieldNormalization } from './modelSpec';
import { paramLayout } from './paramLayout';

export interface CommitteeOptions {
  /** Input dimension N. */
  readonly inputDim: number;
  /** Hidden units K (odd). */
  readonly hidden: number;
  /** Tree: unit k sees only inputs k·N/K … (k+1)·N/K − 1. */
  readonly tree: boolean;
  readonly activation: 'tanh' | 'relu';
  readonly norm: 'spherical' | 'free';
  readonly field: FieldNormalization;
  readonly initScale: number;
}

/** The ReLU-built hard tanh relu(h+1) − relu(h−1) − 1 = clip(h, −1, 1), twice differentiable a.e. */
function reluHardTanh(h: tf.Tensor): tf.Tensor {
  return tf.sub(tf.sub(tf.relu(tf.add(h, 1)), tf.relu(tf.sub(h, 1))), 1);
}

/**
 * The committee machine (SCIENCE.md §2). One weight block `W` [M, K] row-major, column k = unit k,
 * with M = N (fully connected) or N/K (tree). Hidden fields h_k = w_k·x_k/‖w_k‖ ('normalized')
 * or w_k·x_k/√M ('raw'), x_k = x (fully connected) or the k-th block of x (tree).
 * forward: (1/√K) Σ_k φ(h_k), shape [n, 1], φ = tanh or the ReLU hard tanh;
 * predict: sign(Σ_k sign(h_k)) as float32 [n] — always the sign network.
 * Spherical: `project` rescales every column to ‖w_k‖² = M.
 */
export function makeCommittee(opts: CommitteeOptions): Model {
  const { inputDim: n, hidden: k } = opts;
  if (k < 1 || k % 2 === 0) throw new RangeError(`a committee needs an odd K, got ${k}`);
  if (opts.tree && n % k !== 0) throw new RangeError(`tree committee: K=${k} must divide N=${n}`);
  const m = opts.tree ? n / k : n;
  const layout = paramLayout([{ name: 'W', kind: 'weight', shape: [m, k] }]);
  const phi = opts.activation === 'tanh' ? tf.tanh : reluHardTanh;

  /** Hidden fields [rows, K] before normalization: x W, or per-block dot products for a tree. */
  const preactivations = (W: tf.Tensor2D, x: tf.Tensor2D): tf.Tensor2D => {
    if (!opts.tree) return tf.matMul(x, W);
    const rows = x.shape[0];
    const blocks = tf.reshape(x, [rows, k, m]);
    const units = tf.reshape(tf.transpose(W), [1, k, m]);
    return tf.sum(tf.mul(blocks, units), 2);
  };
  const fields = (w: tf.Tensor1D, x: tf.Tensor2D): tf.Tensor2D =>
    tf.tidy(() => {
      const W = tf.reshape<tf.Rank.R2>(w, [m, k]);
      const h = preactivations(W, x);
      const scale =
        opts.field === 'normalized' ? tf.sqrt(tf.sum(tf.square(W), 0)) : tf.scalar(Math.sqrt(m));
      return tf.div(h, scale);
    });

  const model: Model = {
    paramCount: m * k,
    outputDim: 1,
    layout,
    init(rng: Rng): Float32Array {
      const w = new Float32Array(m * k);
      for (let i = 0; i < w.length; i++) w[i] = opts.initScale * rng.normal();
      return opts.norm === 'spherical' ? normalizeColumns(w, m, k) : w;
    },
    forward(w: tf.Tensor1D, x: tf.Tensor2D): tf.Tensor2D {
      return tf.tidy(() => tf.div(tf.sum(phi(fields(w, x)), 1, true), Math.sqrt(k)));
    },
    predict(w: tf.Tensor1D, x: tf.Tensor2D): tf.Tensor1D {
      return tf.tidy(() => {
        const h = preactivations(tf.reshape<tf.Rank.R2>(w, [m, k]), x);
        return tf.sign(tf.sum<tf.Tensor1D>(tf.sign(h), 1));
      });
    },
  };
  if (opts.norm !== 'spherical') return model;
  return {
    ...model,
    project: (w) =>
      tf.tidy(() => {
        const W = tf.reshape(w, [m, k]);
        const norms = tf.sqrt(tf.sum(tf.square(W), 0));
        return tf.reshape(tf.mul(W, tf.div(Math.sqrt(m), norms)), [m * k]);
      }),
  };
}

/** Rescales each column of the row-major [m, k] matrix `w` to squared norm m, in place. */
function normalizeColumns(w: Float32Array, m: number, k: number): Float32Array {
  for (let c = 0; c < k; c++) {
    let s = 0;
    for (let i = 0; i < m; i++) s += (w[i * k + c] ?? 0) ** 2;
    const f = Math.sqrt(m / s);
    for (let i = 0; i < m; i++) w[i * k + c] = (w[i * k + c] ?? 0) * f;
  }
  return w;
}
