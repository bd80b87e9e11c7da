import * as tf from '@tensorflow/tfjs-core';
import type { Model, Rng } from '../types';
import type { FieldNormalization } from './modelSpec';
import { paramLayout } from './paramLayout';

export interface PerceptronOptions {
  /** Input dimension N. */
  readonly inputDim: number;
  readonly norm: 'spherical' | 'free';
  readonly field: FieldNormalization;
  readonly initScale: number;
}

/** w·√N/‖w‖: the point of the sphere ‖w‖² = N on the ray of w. [N] → [N]. */
export function projectToSphere(w: tf.Tensor1D, radius2: number): tf.Tensor1D {
  return tf.tidy(() => tf.mul(w, tf.div(Math.sqrt(radius2), tf.sqrt(tf.sum(tf.square(w))))));
}

/**
 * The perceptron: one unit, flat layout `w` [N, 1] (= [N]). forward gives the field
 * h = w·x/‖w‖ ('normalized') or w·x/√N ('raw'), shape [n, 1]; a ±1 loss then acts on the
 * stability y·h. predict = sign(w·x) as float32 [n] (0, on a tie, counts as an error).
 * Spherical: init drawn N(0, 1) then projected, and `project` restores ‖w‖² = N after each step.
 */
export function makePerceptron(opts: PerceptronOptions): Model {
  const n = opts.inputDim;
  const layout = paramLayout([{ name: 'w', kind: 'weight', shape: [n, 1] }]);
  const spherical = opts.norm === 'spherical';
  const field = (w: tf.Tensor1D, x: tf.Tensor2D): tf.Tensor2D =>
    tf.tidy(() => {
      const h = tf.matMul(x, tf.reshape(w, [n, 1]));
      return opts.field === 'normalized'
        ? tf.div(h, tf.sqrt(tf.sum(tf.square(w))))
        : tf.div(h, Math.sqrt(n));
    });
  const model: Model = {
    paramCount: n,
    outputDim: 1,
    layout,
    init(rng: Rng): Float32Array {
      const w = new Float32Array(n);
      let norm2 = 0;
      for (let i = 0; i < n; i++) {
        const v = rng.normal();
        w[i] = v;
        norm2 += v * v;
      }
      const scale = spherical ? Math.sqrt(n / norm2) : opts.initScale;
      for (let i = 0; i < n; i++) w[i] = (w[i] ?? 0) * scale;
      return w;
    },
    forward: field,
    predict(w: tf.Tensor1D, x: tf.Tensor2D): tf.Tensor1D {
      return tf.tidy(() => tf.sign(tf.reshape(tf.matMul(x, tf.reshape(w, [n, 1])), [-1])));
    },
  };
  if (spherical) return { ...model, project: (w) => projectToSphere(w, n) };
  return model;
}
