/**
 * The spec's vocabulary as the page sees it: the kinds, types and defaults of data sets, models,
 * losses and optimizers, which live with their code in src/core. The store and the views import
 * them here, never from src/core (a lint rule holds it), and only these spec files, never a core
 * index: the page bundle stays free of tfjs.
 */
export {
  DATASET_KINDS,
  defaultDatasetSpec,
  type DatasetKind,
  type DatasetSpec,
} from '../core/data/datasetSpec';
export { LOSS_KINDS, defaultLossSpec, type LossKind, type LossSpec } from '../core/losses/lossSpec';
export {
  MODEL_KINDS,
  defaultModelSpec,
  type ModelKind,
  type ModelSpec,
} from '../core/models/modelSpec';
export {
  OPTIMIZER_DEFAULTS,
  makeOptimizerSpec,
  type EntropySgdVariant,
  type OptimizerKind,
  type OptimizerSpec,
} from '../core/optimizers/optimizerSpec';
