/**
 * A start-up self-check of second derivatives on the active backend: the Hessian of a small
 * softmax regression, built from D Hessian–vector products, against its closed form
 * (softmaxRegressionHessian). tfjs 4.22 gets some second derivatives silently wrong (SCIENCE.md
 * §5); this measures that the fix holds here, on this backend, before any number is shown.
 */
import * as tf from '@tensorflow/tfjs-core';
import { makeDataset } from '../data/makeDataset';
import { crossEntropy } from '../losses/crossEntropy';
import { makeModel } from '../models/makeModel';
import { createRng } from '../random';
import { hessianVectorProduct } from './hessianVectorProduct';
import { softmaxRegressionHessian } from './softmaxRegressionHessian';

export interface SecondOrderCheck {
  /** max |H_autodiff − H_closed| / max |H_closed|. */
  readonly relativeError: number;
  readonly paramCount: number;
}

/** Relative errors above this mean the second derivatives cannot be trusted on this backend. */
export const SECOND_ORDER_TOLERANCE = 1e-4;

/** Runs the check (15 parameters: 4 inputs + bias, 3 classes, 30 samples). Allocates nothing lasting. */
export async function checkSecondOrder(seed = 20191005): Promise<SecondOrderCheck> {
  const dataset = makeDataset(
    {
      kind: 'gaussianMixture',
      train: 30,
      test: 0,
      dim: 4,
      classes: 3,
      separation: 2,
      shift: 1,
      labelNoise: 0,
    },
    seed,
  );
  const model = makeModel({ kind: 'softmaxRegression', initScale: 1 }, dataset);
  const init = model.init(createRng(seed, 'init'));
  const d = model.paramCount;
  const x = tf.tensor2d(dataset.train.x, [dataset.train.count, dataset.inputDim]);
  const y = tf.tensor1d(Float32Array.from(dataset.train.y));
  const w = tf.tensor1d(init);
  const f = (v: tf.Tensor1D) => crossEntropy(model.forward(v, x), y);
  const autodiff = new Float64Array(d * d);
  try {
    for (let k = 0; k < d; k++) {
      const e = new Float32Array(d);
      e[k] = 1;
      const column = tf.tidy(() => hessianVectorProduct(f, w, tf.tensor1d(e)));
      autodiff.set(await column.data(), k * d);
      column.dispose();
    }
  } finally {
    x.dispose();
    y.dispose();
    w.dispose();
  }
  const closed = softmaxRegressionHessian(
    init,
    dataset.train.x,
    dataset.train.count,
    dataset.inputDim,
    3,
  );
  let num = 0;
  let den = 0;
  for (let i = 0; i < closed.length; i++) {
    num = Math.max(num, Math.abs((autodiff[i] ?? 0) - (closed[i] ?? 0)));
    den = Math.max(den, Math.abs(closed[i] ?? 0));
  }
  return { relativeError: num / den, paramCount: d };
}
