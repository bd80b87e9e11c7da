import type { Dataset, Model } from '../types';
import { makeCommittee } from './committee';
import { makeMlp } from './mlp';
import type { ModelSpec } from './modelSpec';
import { makePerceptron } from './perceptron';

/** What a model needs to know of its data. */
export type ModelInputs = Pick<Dataset, 'inputDim' | 'classes' | 'labelKind'>;

/**
 * Builds the model `spec` for data of shape `dataset`. MLPs and softmax regression output C logits
 * for class labels and one field for ±1 labels; perceptrons and committees need ±1 labels
 * (see `toSignLabels`).
 */
export function makeModel(spec: ModelSpec, dataset: ModelInputs): Model {
  const outputDim = dataset.labelKind === 'class' ? dataset.classes : 1;
  const needSigns = (): void => {
    if (dataset.labelKind !== 'sign') {
      throw new Error(
        `a ${spec.kind} needs ±1 labels; convert a two-class data set with toSignLabels`,
      );
    }
  };
  switch (spec.kind) {
    case 'mlp':
      return makeMlp({
        ...spec,
        inputDim: dataset.inputDim,
        outputDim,
        labelKind: dataset.labelKind,
      });
    case 'softmaxRegression':
      return makeMlp({
        inputDim: dataset.inputDim,
        hidden: [],
        outputDim,
        activation: 'tanh',
        initScale: spec.initScale,
        labelKind: dataset.labelKind,
      });
    case 'perceptron':
      needSigns();
      return makePerceptron({ ...spec, inputDim: dataset.inputDim });
    case 'committee':
      needSigns();
      return makeCommittee({ ...spec, inputDim: dataset.inputDim });
  }
}
