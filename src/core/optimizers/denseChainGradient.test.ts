import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../../testing/backends.node';
import { crossEntropy } from '../losses/crossEntropy';
import { meanSquaredError } from '../losses/meanSquaredError';
import { makeMlp } from '../models/mlp';
import { makeTrainingProblem } from '../problem';
import { createRng } from '../random';
import { smallMixture } from '../testing/fixtures';
import { createOptimizer } from './createOptimizer';
import { denseChainGradient } from './denseChainGradient';
import { makeOptimizerSpec } from './optimizerSpec';

const mixture = (classes: number, dim: number) => smallMixture(3, dim, classes, 90);

describeEachBackend('denseChainGradient', () => {
  let n0 = 0;
  beforeAll(() => void (n0 = tf.memory().numTensors));
  afterAll(() => expect(tf.memory().numTensors).toBe(n0));

  it.each([
    ['relu', [6]],
    ['tanh', [6]],
    ['relu', [7, 5]],
    ['tanh', [4, 3, 5]],
    ['relu', []],
  ] as const)(
    'is bit for bit the tape’s gradient of the cross-entropy (%s, hidden %j)',
    (activation, hidden) => {
      const data = mixture(4, 5);
      const model = makeMlp({
        inputDim: 5,
        hidden: [...hidden],
        outputDim: 4,
        activation,
        initScale: 1.5,
        labelKind: 'class',
      });
      const problem = makeTrainingProblem({
        model,
        loss: crossEntropy,
        train: data.train,
        seed: 2,
      });
      const w = tf.tensor1d(model.init(createRng(5, 'init')));
      for (const size of [1, 17, 90]) {
        const batch = problem.nextBatch(size);
        const tape = tf.tidy(() =>
          Array.from(
            tf
              .grad((v) => problem.loss(v as tf.Tensor1D, batch))(w)
              .dataSync(),
          ),
        );
        const byHand = tf.tidy(() =>
          Array.from(denseChainGradient(model.layout, activation, w, batch).dataSync()),
        );
        expect(byHand).toEqual(tape);
        // Not a vacuous comparison: the gradient is far from zero.
        expect(Math.max(...tape.map(Math.abs))).toBeGreaterThan(1e-3);
        batch.x.dispose();
        batch.y.dispose();
      }
      w.dispose();
    },
  );

  it('is what an MLP problem under cross-entropy trains with, and only that one', () => {
    const data = mixture(3, 4);
    const model = makeMlp({
      inputDim: 4,
      hidden: [6],
      outputDim: 3,
      activation: 'relu',
      initScale: 1,
      labelKind: 'class',
    });
    const problem = (loss = crossEntropy, byHand = true) =>
      makeTrainingProblem({
        model,
        loss,
        train: data.train,
        seed: 4,
        ...(byHand ? { denseChain: { activation: 'relu' as const } } : {}),
      });
    expect('gradient' in problem()).toBe(true);
    expect('gradient' in problem(meanSquaredError)).toBe(false);
    expect('gradient' in problem(crossEntropy, false)).toBe(false);

    // 30 steps of SGD with momentum land on the same weights either way.
    const init = model.init(createRng(1, 'init'));
    const spec = makeOptimizerSpec({ kind: 'sgd', lr: 0.1, batchSize: 8, momentum: 0.9 });
    const trained = (p: ReturnType<typeof problem>) => {
      const opt = createOptimizer(spec, p, init, { seed: 1 });
      for (let t = 0; t < 30; t++) opt.step();
      const out = Array.from(opt.params().dataSync());
      opt.dispose();
      return out;
    };
    const fast = trained(problem());
    expect(fast).toEqual(trained(problem(crossEntropy, false)));
    expect(fast).not.toEqual(Array.from(init));
  });
});
