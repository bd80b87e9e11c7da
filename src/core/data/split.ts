/** Building and cutting `Split`s: row-major samples `x[i * inputDim + j]` with labels `y[i]`. */
import type { Split } from '../types';

/** An empty split (e.g. the test split of random patterns, which have nothing to generalize to). */
export function emptySplit(): Split {
  return { x: new Float32Array(0), y: new Int32Array(0), count: 0 };
}

/** Rows `from` (inclusive) to `to` (exclusive) of `split`, copied. */
export function sliceSplit(split: Split, inputDim: number, from: number, to: number): Split {
  return {
    x: split.x.slice(from * inputDim, to * inputDim),
    y: split.y.slice(from, to),
    count: to - from,
  };
}

/** The first `train` rows as the training split and the rest as the test split. */
export function splitTrainTest(
  all: Split,
  inputDim: number,
  train: number,
): { train: Split; test: Split } {
  return {
    train: sliceSplit(all, inputDim, 0, train),
    test: sliceSplit(all, inputDim, train, all.count),
  };
}

/** The rows of `split` listed in `indices`, in that order, copied. */
export function gatherRows(split: Split, inputDim: number, indices: ArrayLike<number>): Split {
  const n = indices.length;
  const x = new Float32Array(n * inputDim);
  const y = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const i = indices[k] ?? 0;
    x.set(split.x.subarray(i * inputDim, (i + 1) * inputDim), k * inputDim);
    y[k] = split.y[i] ?? 0;
  }
  return { x, y, count: n };
}
