import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { describeEachBackend } from '../../testing/backends.node';
import { SECOND_ORDER_TOLERANCE, checkSecondOrder } from './checkSecondOrder';

describeEachBackend('checkSecondOrder', () => {
  it('finds the patched Hessian equal to the closed form, leaving no tensors', async () => {
    const before = tf.memory().numTensors;
    const check = await checkSecondOrder();
    expect(check.paramCount).toBe(15);
    expect(check.relativeError).toBeLessThan(SECOND_ORDER_TOLERANCE);
    expect(tf.memory().numTensors).toBe(before);
  });
});
