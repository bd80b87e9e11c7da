export { batchFromSplit } from './batchFromSplit';
export { DATASET_KINDS, defaultDatasetSpec } from './datasetSpec';
export type { DatasetKind, DatasetSpec } from './datasetSpec';
export { makeDataset } from './makeDataset';
export type { DataSources } from './makeDataset';
export { encodeMnist, parseMnist } from './mnist';
export type { MnistImages } from './mnist';
export { toSignLabels } from './signLabels';
export { gatherRows, sliceSplit } from './split';
