import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { describeEachBackend } from '../../testing/backends.node';
import { crossEntropy } from '../losses/crossEntropy';
import { createRng } from '../random';
import { relativeError } from '../testing/denseHessian';
import { randomVector, smallMixture, trainTensors } from '../testing/fixtures';
import { referenceLossAndGradient } from '../testing/mlpReference';
import { makeModel } from './makeModel';

describeEachBackend('MLP', () => {
  it('lays parameters out layer by layer: W [fanIn, fanOut] row-major, then b', () => {
    const model = makeModel(
      { kind: 'mlp', hidden: [6, 5], activation: 'relu', initScale: 1 },
      { inputDim: 4, classes: 3, labelKind: 'class' },
    );
    expect(model.paramCount).toBe(4 * 6 + 6 + 6 * 5 + 5 + 5 * 3 + 3);
    expect(model.layout.map((b) => [b.name, b.kind, b.shape, b.offset])).toEqual([
      ['W1', 'weight', [4, 6], 0],
      ['b1', 'bias', [6], 24],
      ['W2', 'weight', [6, 5], 30],
      ['b2', 'bias', [5], 60],
      ['W3', 'weight', [5, 3], 65],
      ['b3', 'bias', [3], 80],
    ]);
  });

  it.each(['relu', 'tanh'] as const)(
    '%s: loss and gradient match a float64 reference (same layout)',
    (activation) => {
      const d = smallMixture(4, 4, 3, 25);
      const model = makeModel({ kind: 'mlp', hidden: [6, 5], activation, initScale: 1 }, d);
      const w0 = randomVector(model.paramCount, 4, 0.5);
      const { x, y } = trainTensors(d);
      const w = tf.tensor1d(w0);
      const f = (u: tf.Tensor): tf.Scalar => crossEntropy(model.forward(u as tf.Tensor1D, x), y);
      const loss = f(w);
      const grad = tf.grad(f)(w);
      const ref = referenceLossAndGradient(
        { widths: [4, 6, 5, 3], activation },
        w0,
        d.train.x,
        d.train.y,
        d.train.count,
      );
      expect(loss.dataSync()[0]).toBeCloseTo(ref.loss, 5);
      expect(relativeError(grad.dataSync(), ref.gradient)).toBeLessThan(1e-5);
      tf.dispose([x, y, w, loss, grad]);
    },
  );

  it('initializes He (ReLU) / Xavier (tanh) times r, biases zero', () => {
    const shape = { inputDim: 200, classes: 100, labelKind: 'class' } as const;
    for (const [activation, variance] of [
      ['relu', 2 / 200],
      ['tanh', 2 / 300],
    ] as const) {
      for (const r of [1, 3]) {
        const model = makeModel({ kind: 'mlp', hidden: [], activation, initScale: r }, shape);
        const w = model.init(createRng(5, 'init'));
        const [W, b] = model.layout;
        let s2 = 0;
        for (let i = 0; i < (W?.size ?? 0); i++) s2 += (w[i] ?? 0) ** 2;
        expect(s2 / (W?.size ?? 1) / (r * r * variance)).toBeCloseTo(1, 1);
        expect(w.subarray(b?.offset ?? 0).every((v) => v === 0)).toBe(true);
      }
    }
  });

  it('predicts the argmax class, or the sign of a single output for ±1 labels', () => {
    const classes = makeModel(
      { kind: 'softmaxRegression', initScale: 0 },
      { inputDim: 2, classes: 3, labelKind: 'class' },
    );
    expect(classes.paramCount).toBe(9);
    // W = [[1, 0, -1], [0, 1, 0]], b = 0: logits (x₁, x₂, −x₁).
    const w = tf.tensor1d([1, 0, -1, 0, 1, 0, 0, 0, 0]);
    const x = tf.tensor2d([
      [2, 1],
      [0, 3],
      [-2, 1],
    ]);
    expect([...classes.predict(w, x).dataSync()]).toEqual([0, 1, 2]);
    const signs = makeModel(
      { kind: 'softmaxRegression', initScale: 0 },
      { inputDim: 2, classes: 2, labelKind: 'sign' },
    );
    expect(signs.outputDim).toBe(1);
    const ws = tf.tensor1d([1, -1, 0]);
    expect([...signs.predict(ws, x).dataSync()]).toEqual([1, -1, -1]);
    // The same predictions from forward's outputs (one forward serves loss and error).
    for (const [model, weights] of [
      [classes, w],
      [signs, ws],
    ] as const) {
      const outputs = model.forward(weights, x);
      const fromOutputs = model.predictFromOutputs?.(outputs);
      expect([...(fromOutputs?.dataSync() ?? [])]).toEqual([
        ...model.predict(weights, x).dataSync(),
      ]);
      tf.dispose([outputs, fromOutputs]);
    }
    tf.dispose([w, x, ws]);
  });

  it('leaks no tensors in forward and predict', () => {
    const d = smallMixture(1);
    const model = makeModel({ kind: 'mlp', hidden: [8], activation: 'tanh', initScale: 1 }, d);
    const { x, y } = trainTensors(d);
    const w = tf.tensor1d(model.init(createRng(1, 'init')));
    const before = tf.memory().numTensors;
    tf.dispose([model.forward(w, x), model.predict(w, x)]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, y, w]);
  });
});
