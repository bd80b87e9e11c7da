import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { describeEachBackend } from '../../testing/backends.node';
import { createRng, normalArray } from '../random';
import {
  denseChainLogitsAtPoints,
  denseChainLogitsPerPoint,
  fusedDenseKernel,
} from './denseChainBatch';
import { mixtureMlp } from './testObjectives.node';

describeEachBackend('dense layers without the op wrappers', () => {
  it('fusedDenseKernel is tf.fused.matMul to the bit (relu and linear, with and without bias)', async () => {
    const rng = createRng(7, 'probes');
    const a = tf.tensor3d(normalArray(rng, 5 * 4), [1, 5, 4]);
    const b = tf.tensor3d(normalArray(rng, 4 * 3), [1, 4, 3]);
    const bias = tf.tensor1d(normalArray(rng, 3));
    const n0 = tf.memory().numTensors;
    for (const activation of ['relu', 'linear'] as const) {
      for (const withBias of [true, false]) {
        const [fast, op] = tf.tidy(() => [
          fusedDenseKernel(a, b, withBias ? bias : undefined, activation),
          tf.fused.matMul({
            a: tf.squeeze<tf.Tensor2D>(a, [0]),
            b: tf.squeeze<tf.Tensor2D>(b, [0]),
            ...(withBias ? { bias } : {}),
            activation,
          }),
        ]);
        expect(fast.shape).toEqual([1, 5, 3]);
        expect(Array.from(await fast.data())).toEqual(Array.from(await op.data()));
        tf.dispose([fast, op]);
      }
    }
    expect(tf.memory().numTensors).toBe(n0);
    tf.dispose([a, b, bias]);
  });

  for (const activation of ['relu', 'tanh'] as const) {
    it(`${activation}: logits one forward per point = the batched forward (1e-5), leaking nothing`, async () => {
      const { model, objective } = mixtureMlp({
        hidden: [7, 6],
        count: 30,
        dim: 4,
        activation,
        seed: 5,
      });
      const D = model.paramCount;
      const points = new Float32Array(3 * D);
      [1, 2, 3].forEach((s, g) => points.set(model.init(createRng(s, 'init')), g * D));
      const n0 = tf.memory().numTensors;
      const [fast, batched] = tf.tidy(() => [
        denseChainLogitsPerPoint(objective, points, activation),
        denseChainLogitsAtPoints(objective, tf.tensor2d(points, [3, D]), activation),
      ]);
      expect(fast.shape).toEqual(batched.shape);
      const f = await fast.data();
      const r = await batched.data();
      let scale = 0;
      for (const v of r) scale = Math.max(scale, Math.abs(v));
      for (let i = 0; i < r.length; i++) expect(Math.abs(f[i]! - r[i]!)).toBeLessThan(1e-5 * scale);
      tf.dispose([fast, batched]);
      expect(tf.memory().numTensors).toBe(n0);
      objective.dispose();
    });
  }
});
