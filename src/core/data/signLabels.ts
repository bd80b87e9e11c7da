import type { Dataset, Split } from '../types';

/**
 * A two-class data set relabelled for sign models (perceptron, committee): class 0 → −1,
 * class 1 → +1. Sign-labelled data sets are returned unchanged.
 */
export function toSignLabels(dataset: Dataset): Dataset {
  if (dataset.labelKind === 'sign') return dataset;
  if (dataset.classes !== 2) {
    throw new RangeError(`sign labels need 2 classes, ${dataset.name} has ${dataset.classes}`);
  }
  const relabel = (s: Split): Split => ({ ...s, y: s.y.map((c) => (c === 1 ? 1 : -1)) });
  return {
    ...dataset,
    labelKind: 'sign',
    train: relabel(dataset.train),
    test: relabel(dataset.test),
  };
}
