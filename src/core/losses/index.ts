export { baldassiLoss } from './baldassiLoss';
export { crossEntropy } from './crossEntropy';
export { logSoftmax } from './logSoftmax';
export { defaultLossSpec, LOSS_KINDS } from './lossSpec';
export type { LossKind, LossSpec } from './lossSpec';
export { makeLoss } from './makeLoss';
export { meanSquaredError } from './meanSquaredError';
export { zeroOneError } from './zeroOneError';
