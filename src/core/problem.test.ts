import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { describeEachBackend } from '../testing/backends.node';
import { makeDataset } from './data/makeDataset';
import { toSignLabels } from './data/signLabels';
import { crossEntropy } from './losses/crossEntropy';
import { makeLoss } from './losses/makeLoss';
import { makeModel } from './models/makeModel';
import { defaultModelSpec } from './models/modelSpec';
import { evaluate, makeTrainingProblem } from './problem';
import { createRng } from './random';
import { smallMixture } from './testing/fixtures';
import type { Batch } from './types';

const labelsOf = (b: Batch): number[] => {
  const y = Array.from(b.y.dataSync());
  tf.dispose([b.x, b.y]);
  return y;
};

describeEachBackend('makeTrainingProblem', () => {
  const d = smallMixture(1, 5, 3, 40);
  // Samples are told apart by their first coordinate (continuous, so distinct).
  const model = makeModel(defaultModelSpec('softmaxRegression'), d);

  it('walks seeded shuffled epochs: every sample once per epoch', () => {
    const p = makeTrainingProblem({ model, loss: crossEntropy, train: d.train, seed: 3 });
    const seen: number[] = [];
    for (let k = 0; k < 4; k++) {
      const b = p.nextBatch(10);
      expect(b.x.shape).toEqual([10, 5]);
      expect(b.y.shape).toEqual([10]);
      const firsts = Array.from(b.x.dataSync()).filter((_, i) => i % 5 === 0);
      seen.push(...firsts);
      tf.dispose([b.x, b.y]);
    }
    const all = Array.from(d.train.x).filter((_, i) => i % 5 === 0);
    expect([...seen].sort()).toEqual([...all].sort());
    expect(p.samplesDrawn).toBe(40);
    // A batch may straddle two epochs.
    expect(labelsOf(p.nextBatch(50))).toHaveLength(50);
  });

  it('repeats for the same (seed, run, replica) and differs otherwise', () => {
    const order = (seed: number, runIndex?: number, replica?: number) =>
      labelsOf(
        makeTrainingProblem({
          model,
          loss: crossEntropy,
          train: d.train,
          seed,
          runIndex,
          replica,
        }).nextBatch(40),
      );
    const a = order(1);
    expect(order(1)).toEqual(a);
    expect(order(1, 0)).toEqual(a);
    expect(order(2)).not.toEqual(a);
    expect(order(1, 1)).not.toEqual(a);
    expect(order(1, 0, 1)).not.toEqual(order(1, 0, 2));
  });

  it('loss(w, batch) is the loss of the model outputs, without leaks', () => {
    const p = makeTrainingProblem({ model, loss: crossEntropy, train: d.train, seed: 1 });
    const w = tf.tensor1d(model.init(createRng(1, 'init')));
    const batch = p.nextBatch(16);
    const before = tf.memory().numTensors;
    const l = p.loss(w, batch);
    expect(tf.memory().numTensors).toBe(before + 1);
    const direct = crossEntropy(model.forward(w, batch.x), batch.y);
    expect(l.dataSync()[0]).toBeCloseTo(direct.dataSync()[0] ?? NaN, 6);
    tf.dispose([w, batch.x, batch.y, l, direct]);
  });

  it("passes the model's projection through", () => {
    const signs = toSignLabels(makeDataset({ kind: 'randomPatterns', n: 21, alpha: 1 }, 1));
    const perceptron = makeModel(defaultModelSpec('perceptron'), signs);
    const p = makeTrainingProblem({
      model: perceptron,
      loss: makeLoss({ kind: 'baldassi', gamma: 2 }),
      train: signs.train,
      seed: 1,
    });
    expect(typeof p.project).toBe('function');
    const softmax = makeTrainingProblem({ model, loss: crossEntropy, train: d.train, seed: 1 });
    expect(typeof softmax.project).toBe('undefined');
  });
});

describeEachBackend('evaluate', () => {
  it('gives the full-split loss and error, whatever the chunking, without leaks', async () => {
    const d = smallMixture(2, 5, 3, 50);
    const model = makeModel(defaultModelSpec('softmaxRegression'), d);
    const w = tf.tensor1d(model.init(createRng(2, 'init')));
    const x = tf.tensor2d(d.train.x, [50, 5]);
    const y = tf.tensor1d(Float32Array.from(d.train.y));
    const wantLoss = crossEntropy(model.forward(w, x), y).dataSync()[0] ?? NaN;
    const predicted = model.predict(w, x).dataSync();
    const wantError = d.train.y.filter((c, i) => c !== predicted[i]).length / 50;
    const before = tf.memory().numTensors;
    const whole = await evaluate(model, crossEntropy, d.train, w);
    const chunked = await evaluate(model, crossEntropy, d.train, w, 7);
    expect(tf.memory().numTensors).toBe(before);
    expect(whole.loss).toBeCloseTo(wantLoss, 5);
    expect(chunked.loss).toBeCloseTo(wantLoss, 5);
    expect(whole.error).toBe(wantError);
    expect(chunked.error).toBe(wantError);
    expect(wantError).toBeGreaterThan(0);
    const empty = await evaluate(
      model,
      crossEntropy,
      { x: new Float32Array(0), y: new Int32Array(0), count: 0 },
      w,
    );
    expect(empty.loss).toBeNaN();
    tf.dispose([w, x, y]);
  });
});
