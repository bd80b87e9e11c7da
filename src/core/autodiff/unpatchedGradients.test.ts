/**
 * Documents the upstream bug the fix exists for (tensorflow/tfjs#3252): with tfjs's own gradients
 * for the output-saving kernels, the softmax-regression Hessian is silently wrong. Runs in its own
 * test file (its own process), and re-installs the fix before it ends.
 */
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, expect, it } from 'vitest';
import { describeEachBackend } from '../../testing/backends.node';
import { crossEntropy } from '../losses/crossEntropy';
import { makeModel } from '../models/makeModel';
import { createRng } from '../random';
import { denseHessian, relativeError } from '../testing/denseHessian';
import { smallMixture, trainTensors } from '../testing/fixtures';
import { softmaxRegressionHessian } from './softmaxRegressionHessian';
import { installSecondOrderGradients, secondOrderGradientsInstalled } from './secondOrderGradients';

// Captured at import time: tfjs's defaults, before `useBackend` installs the fix.
const tfjsDefaults = [tf.Tanh, tf.Sigmoid, tf.Exp, tf.Softmax].map((k) => {
  const config = tf.getGradient(k);
  if (!config) throw new Error(`no default gradient for ${k}`);
  return config;
});

const measured: string[] = [];
afterAll(() => console.info(`softmax-regression Hessian:\n  ${measured.join('\n  ')}`));

describeEachBackend('tfjs second derivatives without the fix', (backend) => {
  it('are wrong for softmax regression, and right once the fix is back', () => {
    const d = smallMixture(3);
    const model = makeModel({ kind: 'softmaxRegression', initScale: 1 }, d);
    const w0 = model.init(createRng(3, 'init'));
    const { x, y } = trainTensors(d);
    const w = tf.tensor1d(w0);
    const f = (u: tf.Tensor1D): tf.Scalar => crossEntropy(model.forward(u, x), y);
    const oracle = softmaxRegressionHessian(w0, d.train.x, d.train.count, d.inputDim, d.classes);
    let unpatched: number;
    try {
      for (const config of tfjsDefaults) tf.registerGradient(config);
      expect(secondOrderGradientsInstalled()).toBe(false);
      unpatched = relativeError(denseHessian(f, w), oracle);
    } finally {
      installSecondOrderGradients();
    }
    const patched = relativeError(denseHessian(f, w), oracle);
    measured.push(
      `[${backend}] rel. error unpatched ${unpatched.toExponential(2)}, patched ${patched.toExponential(2)}`,
    );
    expect(unpatched).toBeGreaterThan(0.5);
    expect(patched).toBeLessThan(1e-4);
    tf.dispose([x, y, w]);
  });
});
