import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { describeEachBackend } from '../../testing/backends.node';
import { createRng } from '../random';
import { makeModel } from './makeModel';
import { rescaleReluLayers } from './rescaleReluLayers';

const data = { inputDim: 3, classes: 4, labelKind: 'class' as const };

describeEachBackend('rescaleReluLayers', () => {
  it('keeps a ReLU network’s function (and not a tanh one’s)', () => {
    const x = tf.tensor2d(
      Float32Array.from({ length: 30 }, (_, i) => Math.sin(i)),
      [10, 3],
    );
    for (const activation of ['relu', 'tanh'] as const) {
      const model = makeModel({ kind: 'mlp', hidden: [5, 6], activation, initScale: 1 }, data);
      const w = model.init(createRng(3, 'init'));
      for (const layer of [1, 2]) {
        const rescaled = rescaleReluLayers(model.layout, w, layer, 7);
        expect(Array.from(rescaled)).not.toEqual(Array.from(w));
        const gap = tf.tidy(() => {
          const a = model.forward(tf.tensor1d(w), x);
          const b = model.forward(tf.tensor1d(rescaled), x);
          return tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]!;
        });
        if (activation === 'relu') expect(gap).toBeLessThan(1e-5);
        else expect(gap).toBeGreaterThan(1e-3);
      }
    }
    x.dispose();
  });

  it('refuses a layer that has no next layer, and a non-positive factor', () => {
    const model = makeModel({ kind: 'mlp', hidden: [4], activation: 'relu', initScale: 1 }, data);
    const w = model.init(createRng(1, 'init'));
    expect(() => rescaleReluLayers(model.layout, w, 2, 2)).toThrow(/not a hidden layer/);
    expect(() => rescaleReluLayers(model.layout, w, 1, -1)).toThrow(/positive/);
  });
});
