/**
 * Measures a parameter vector on the full train and test splits: loss (the trained objective),
 * error (of the reported sign/argmax network) and ‖w‖ — one tidy, one read-back per measurement.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Dataset, Loss, Model, Split } from '../core/types';

export interface Measurement {
  readonly trainLoss: number;
  readonly trainError: number;
  readonly testLoss: number;
  readonly testError: number;
  readonly weightNorm: number;
}

interface SplitTensors {
  readonly x: tf.Tensor2D;
  readonly y: tf.Tensor1D;
}

function upload(split: Split, inputDim: number): SplitTensors | null {
  if (split.count === 0) return null;
  return {
    x: tf.tensor2d(split.x, [split.count, inputDim]),
    y: tf.tensor1d(Float32Array.from(split.y)),
  };
}

export class Evaluator {
  private readonly train: SplitTensors | null;
  private readonly test: SplitTensors | null;

  constructor(
    private readonly model: Model,
    private readonly loss: Loss,
    dataset: Dataset,
  ) {
    this.train = upload(dataset.train, dataset.inputDim);
    this.test = upload(dataset.test, dataset.inputDim);
  }

  async measure(w: tf.Tensor1D): Promise<Measurement> {
    const values = tf.tidy(() => {
      const parts: tf.Scalar[] = [];
      for (const split of [this.train, this.test]) {
        if (!split) {
          parts.push(tf.scalar(Number.NaN), tf.scalar(Number.NaN));
          continue;
        }
        const outputs = this.model.forward(w, split.x);
        parts.push(this.loss(outputs, split.y));
        // One forward for both when the model predicts from its outputs (an MLP).
        const predicted = this.model.predictFromOutputs
          ? this.model.predictFromOutputs(outputs)
          : this.model.predict(w, split.x);
        const wrong = tf.cast(tf.notEqual(predicted, split.y), 'float32');
        parts.push(tf.mean<tf.Scalar>(wrong));
      }
      parts.push(tf.norm(w) as tf.Scalar);
      return tf.stack(parts);
    });
    const [trainLoss, trainError, testLoss, testError, weightNorm] = await values.data();
    values.dispose();
    return {
      trainLoss: trainLoss ?? Number.NaN,
      trainError: trainError ?? Number.NaN,
      testLoss: testLoss ?? Number.NaN,
      testError: testError ?? Number.NaN,
      weightNorm: weightNorm ?? Number.NaN,
    };
  }

  dispose(): void {
    for (const split of [this.train, this.test]) {
      split?.x.dispose();
      split?.y.dispose();
    }
  }
}
