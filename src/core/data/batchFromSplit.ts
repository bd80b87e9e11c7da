import * as tf from '@tensorflow/tfjs-core';
import type { Batch, Split } from '../types';

/**
 * Rows `from`…`to − 1` of `split` as tensors on the current backend: x [n, inputDim], y [n]
 * float32. The caller disposes both.
 */
export function batchFromSplit(split: Split, inputDim: number, from = 0, to = split.count): Batch {
  const n = to - from;
  return {
    x: tf.tensor2d(split.x.subarray(from * inputDim, to * inputDim), [n, inputDim]),
    y: tf.tensor1d(Float32Array.from(split.y.subarray(from, to))),
  };
}
