/**
 * What every analysis of an experiment shares: the model, the loss and the samples the landscape
 * is measured on (at most ANALYSIS_SAMPLES training samples, uploaded once).
 */
import { sliceSplit } from '../../core/data/split';
import {
  createLandscapeObjective,
  objectiveLoss,
  type OwnedLandscapeObjective,
} from '../../core/slices/landscapeObjective';
import { pointEvaluator, type PointEvaluator } from '../../core/slices/evaluatePoints';
import { makeDataset, type DataSources } from '../../core/data/makeDataset';
import type { DatasetSpec } from '../../core/data/datasetSpec';
import { makeLoss } from '../../core/losses/makeLoss';
import { makeModel } from '../../core/models/makeModel';
import type { Dataset, Model, Loss } from '../../core/types';
import type { ModelSpec } from '../../core/models/modelSpec';
import type { LossSpec } from '../../core/losses/lossSpec';
import { crossEntropyOfBlocks } from '../../core/losses/crossEntropy';
import type * as tf from '@tensorflow/tfjs-core';

/** Hessians, slices and flatness are measured on the first this-many training samples. */
export const ANALYSIS_SAMPLES = 1000;

export interface Landscape {
  readonly model: Model;
  readonly dataset: Dataset;
  readonly objective: OwnedLandscapeObjective;
  /** L(w) on the analysis samples, twice differentiable. */
  readonly loss: (w: tf.Tensor1D) => tf.Scalar;
  /** Loss and error at many points (batched for MLPs). */
  readonly evaluate: PointEvaluator;
  dispose(): void;
}

export function createLandscape(
  modelSpec: ModelSpec,
  lossSpec: LossSpec,
  model: Model,
  loss: Loss,
  dataset: Dataset,
): Landscape {
  const count = Math.min(dataset.train.count, ANALYSIS_SAMPLES);
  const split = sliceSplit(dataset.train, dataset.inputDim, 0, count);
  const objective = createLandscapeObjective({
    model,
    loss,
    split,
    labelKind: dataset.labelKind,
    ...(modelSpec.kind === 'mlp' ? { denseChain: { activation: modelSpec.activation } } : {}),
    ...(lossSpec.kind === 'crossEntropy' && dataset.labelKind === 'class'
      ? { blockLoss: crossEntropyOfBlocks }
      : {}),
  });
  return {
    model,
    dataset,
    objective,
    loss: objectiveLoss(objective),
    evaluate: pointEvaluator(objective),
    dispose: () => objective.dispose(),
  };
}

/**
 * The landscape a one-off job measures on: its data (from the job's seed, as the experiment
 * draws them; MNIST from the `sources` the worker loaded for the experiment), model and loss.
 */
export function landscapeOf(
  job: {
    readonly dataset: DatasetSpec;
    readonly model: ModelSpec;
    readonly loss: LossSpec;
    readonly seed: number;
  },
  sources: DataSources = {},
): Landscape {
  const dataset = makeDataset(job.dataset, job.seed, sources);
  const model = makeModel(job.model, dataset);
  const loss = makeLoss(job.loss, dataset.labelKind);
  return createLandscape(job.model, job.loss, model, loss, dataset);
}
