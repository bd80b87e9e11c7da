import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { describeEachBackend } from './backends.node';

describeEachBackend('backend harness', (backend) => {
  it('runs a matmul on the selected backend', () => {
    expect(tf.getBackend()).toBe(backend);
    const y = tf.tidy(() => tf.matMul(tf.tensor2d([[1, 2]]), tf.tensor2d([[3], [4]])));
    expect(y.dataSync()[0]).toBe(11);
    y.dispose();
  });
});
