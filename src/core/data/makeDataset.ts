import { createRng, randomPermutation } from '../random';
import type { Dataset, Split } from '../types';
import { circles } from './circles';
import type { DatasetSpec } from './datasetSpec';
import { classMeans, flipLabels, sampleMixture } from './gaussianMixture';
import { mnistSplit, parseMnist } from './mnist';
import { moons } from './moons';
import { randomPatterns } from './randomPatterns';
import { emptySplit, splitTrainTest } from './split';
import { spiral } from './spiral';
import { teacherStudent } from './teacherStudent';
import { xor } from './xor';

/** Bytes the core cannot fetch itself: the host reads them and passes them in. */
export interface DataSources {
  /** The contents of public/data/mnist.bin. */
  readonly mnist?: Uint8Array;
}

/**
 * Builds the data set `spec` from the 'data' stream of `seed`: the same (spec, seed) gives the
 * same numbers on every host. MNIST needs `sources.mnist`.
 */
export function makeDataset(spec: DatasetSpec, seed: number, sources: DataSources = {}): Dataset {
  const rng = createRng(seed, 'data');
  const toy = (name: string, all: Split, classes: number, train: number): Dataset => ({
    name,
    inputDim: 2,
    classes,
    labelKind: 'class',
    ...splitTrainTest(all, 2, train),
  });
  switch (spec.kind) {
    case 'spiral': {
      const data = toy(
        'spiral',
        spiral(rng, spec.train + spec.test, spec),
        spec.classes,
        spec.train,
      );
      // Drawn after the points: without label noise the data are those of a spec without it.
      const y = flipLabels(rng, data.train.y, spec.classes, spec.labelNoise);
      return { ...data, train: { ...data.train, y } };
    }
    case 'moons':
      return toy('moons', moons(rng, spec.train + spec.test, spec), 2, spec.train);
    case 'circles':
      return toy('circles', circles(rng, spec.train + spec.test, spec), 2, spec.train);
    case 'xor':
      return toy('xor', xor(rng, spec.train + spec.test, spec), 2, spec.train);
    case 'randomPatterns':
      return {
        name: `random patterns (N=${spec.n}, α=${spec.alpha})`,
        inputDim: spec.n,
        classes: 2,
        labelKind: 'sign',
        train: randomPatterns(rng, spec.n, spec.alpha),
        test: emptySplit(),
      };
    case 'teacherStudent': {
      const { train, test } = teacherStudent(rng, spec.n, spec.alpha, spec.test);
      return {
        name: `teacher–student (N=${spec.n}, α=${spec.alpha})`,
        inputDim: spec.n,
        classes: 2,
        labelKind: 'sign',
        train,
        test,
      };
    }
    case 'gaussianMixture': {
      const means = classMeans(rng, spec.classes, spec.dim, spec.separation);
      const all = sampleMixture(
        rng,
        means,
        spec.classes,
        spec.dim,
        spec.train + spec.test,
        spec.shift,
      );
      const { train, test } = splitTrainTest(all, spec.dim, spec.train);
      const noisy = { ...train, y: flipLabels(rng, train.y, spec.classes, spec.labelNoise) };
      return {
        name: `Gaussian mixture (C=${spec.classes}, d=${spec.dim})`,
        inputDim: spec.dim,
        classes: spec.classes,
        labelKind: 'class',
        train: noisy,
        test,
      };
    }
    case 'mnist': {
      if (!sources.mnist) {
        throw new Error('the MNIST data set needs sources.mnist (public/data/mnist.bin)');
      }
      const images = parseMnist(sources.mnist);
      if (spec.train + spec.test > images.count) {
        throw new RangeError(
          `MNIST has ${images.count} images, asked for ${spec.train + spec.test}`,
        );
      }
      const order = randomPermutation(rng, images.count);
      const side = spec.downsample ? images.rows >> 1 : images.rows;
      const sideCols = spec.downsample ? images.cols >> 1 : images.cols;
      return {
        name: `MNIST ${side}×${sideCols}`,
        inputDim: side * sideCols,
        classes: 10,
        labelKind: 'class',
        train: mnistSplit(images, order.subarray(0, spec.train), spec.downsample),
        test: mnistSplit(
          images,
          order.subarray(spec.train, spec.train + spec.test),
          spec.downsample,
        ),
      };
    }
  }
}
