import * as tf from '@tensorflow/tfjs-core';
import type { ParamBlock } from '../types';

/** One block to place: its name, kind and shape (the offset is assigned by `paramLayout`). */
export interface BlockShape {
  readonly name: string;
  readonly kind: ParamBlock['kind'];
  readonly shape: readonly number[];
}

/** Lays `blocks` out one after another in the flat vector; offsets in elements. */
export function paramLayout(blocks: readonly BlockShape[]): ParamBlock[] {
  let offset = 0;
  return blocks.map((b) => {
    const size = b.shape.reduce((a, n) => a * n, 1);
    const block = { ...b, offset, size };
    offset += size;
    return block;
  });
}

/** Total number of parameters D of a layout. */
export function layoutSize(layout: readonly ParamBlock[]): number {
  return layout.reduce((d, b) => d + b.size, 0);
}

/** The view of `block` in the flat vector `w` [D], reshaped to the block's shape (differentiable). */
export function unpackBlock(w: tf.Tensor1D, block: ParamBlock): tf.Tensor {
  return tf.reshape(tf.slice(w, [block.offset], [block.size]), [...block.shape]);
}
