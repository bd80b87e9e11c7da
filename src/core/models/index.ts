export { makeModel } from './makeModel';
export type { ModelInputs } from './makeModel';
export { defaultModelSpec, MODEL_KINDS } from './modelSpec';
export type { FieldNormalization, ModelKind, ModelSpec } from './modelSpec';
export { layoutSize, unpackBlock } from './paramLayout';
export { projectToSphere } from './perceptron';
