/** Small seeded problems shared by the autodiff, model and loss tests. */
import * as tf from '@tensorflow/tfjs-core';
import { makeDataset } from '../data/makeDataset';
import { createRng } from '../random';
import type { Dataset } from '../types';

/** A 3-class, non-centred Gaussian mixture in R^5 with 40 training points. */
export function smallMixture(seed = 1, dim = 5, classes = 3, train = 40): Dataset {
  return makeDataset(
    {
      kind: 'gaussianMixture',
      train,
      test: 0,
      dim,
      classes,
      separation: 3,
      shift: 1,
      labelNoise: 0,
    },
    seed,
  );
}

/** `n` N(0, scale²) draws from the 'probes' stream (test directions, random weights). */
export function randomVector(n: number, seed: number, scale = 1): Float32Array {
  const rng = createRng(seed, 'probes');
  return Float32Array.from({ length: n }, () => scale * rng.normal());
}

/** The training split of `d` as tensors; the caller disposes them. */
export function trainTensors(d: Dataset): { x: tf.Tensor2D; y: tf.Tensor1D } {
  return {
    x: tf.tensor2d(d.train.x, [d.train.count, d.inputDim]),
    y: tf.tensor1d(Float32Array.from(d.train.y)),
  };
}
