import * as tf from '@tensorflow/tfjs-core';
import type { Model, Rng } from '../types';
import { layoutSize, paramLayout, unpackBlock } from './paramLayout';
import type { BlockShape } from './paramLayout';

export interface MlpOptions {
  readonly inputDim: number;
  /** Hidden widths, input side first; [] gives a linear model (softmax regression). */
  readonly hidden: readonly number[];
  /** Output width: C logits, or 1 for a ±1 task (predict = sign). */
  readonly outputDim: number;
  readonly activation: 'relu' | 'tanh';
  /** r: the initialization scale factor. */
  readonly initScale: number;
  /** 'class': predict = argmax of the logits; 'sign': predict = sign of the single output. */
  readonly labelKind: 'class' | 'sign';
}

/**
 * A fully connected network z = W_L·φ(…φ(x W₁ + b₁)…) + b_L, φ = ReLU or tanh, linear output.
 * Flat layout, layer by layer: `W{l}` [fanIn, fanOut] row-major, then `b{l}` [fanOut].
 * Init: W ~ r·N(0, 2/fanIn) (He, ReLU) or r·N(0, 2/(fanIn + fanOut)) (Xavier, tanh), b = 0.
 * forward: x [n, din] → z [n, outputDim]; predict: argmax / sign as float32 [n].
 */
export function makeMlp(opts: MlpOptions): Model {
  const widths = [opts.inputDim, ...opts.hidden, opts.outputDim];
  const blocks: BlockShape[] = [];
  for (let l = 1; l < widths.length; l++) {
    const fanIn = widths[l - 1] ?? 0;
    const fanOut = widths[l] ?? 0;
    blocks.push({ name: `W${l}`, kind: 'weight', shape: [fanIn, fanOut] });
    blocks.push({ name: `b${l}`, kind: 'bias', shape: [fanOut] });
  }
  const layout = paramLayout(blocks);
  const act = opts.activation === 'relu' ? tf.relu : tf.tanh;

  const forward = (w: tf.Tensor1D, x: tf.Tensor2D): tf.Tensor2D =>
    tf.tidy(() => {
      let h: tf.Tensor2D = x;
      for (let k = 0; k < layout.length; k += 2) {
        const W = unpackBlock(w, layout[k] as (typeof layout)[number]) as tf.Tensor2D;
        const b = unpackBlock(w, layout[k + 1] as (typeof layout)[number]);
        const z: tf.Tensor2D = tf.add(tf.matMul(h, W), b);
        h = k + 2 < layout.length ? act(z) : z;
      }
      return h;
    });

  const predictFromOutputs = (z: tf.Tensor2D): tf.Tensor1D =>
    tf.tidy(() =>
      opts.labelKind === 'class'
        ? tf.cast(tf.argMax<tf.Tensor1D>(z, 1), 'float32')
        : tf.sign(tf.reshape<tf.Rank.R1>(z, [-1])),
    );

  return {
    paramCount: layoutSize(layout),
    outputDim: opts.outputDim,
    layout,
    init(rng: Rng): Float32Array {
      const w = new Float32Array(layoutSize(layout));
      for (const block of layout) {
        if (block.kind !== 'weight') continue;
        const [fanIn = 1, fanOut = 1] = block.shape;
        const variance = opts.activation === 'relu' ? 2 / fanIn : 2 / (fanIn + fanOut);
        const std = opts.initScale * Math.sqrt(variance);
        for (let i = 0; i < block.size; i++) w[block.offset + i] = std * rng.normal();
      }
      return w;
    },
    forward,
    predict(w: tf.Tensor1D, x: tf.Tensor2D): tf.Tensor1D {
      return tf.tidy(() => predictFromOutputs(forward(w, x)));
    },
    predictFromOutputs,
  };
}
