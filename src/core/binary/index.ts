export {
  countErrors,
  fanIn,
  FieldState,
  hiddenFields,
  isParity,
  marginAfter,
  outputVote,
  randomBinaryWeights,
  shiftUnitField,
  unitOffset,
  weightCount,
  type BinaryArchitecture,
  type BinaryMachine,
  type BinaryWeights,
} from './binaryNetwork';
export { binaryTaskFromSplit, randomBinaryTask, type BinaryTask } from './binaryTask';
export {
  clippedPerceptron,
  type BinaryTrainingResult,
  type ClippedPerceptronOptions,
} from './clippedPerceptron';
export {
  compareDevices,
  summarizeDevices,
  type DeviceComparison,
  type DeviceComparisonSpec,
  type DeviceCurve,
  type DeviceSummary,
} from './compareDevices';
export { focusingBP, type FocusingBPOptions, type FocusingBPResult } from './focusingBP';
export {
  focusingSchedule,
  type FocusingProtocol,
  type FocusingStep,
  type FreeProtocol,
  type PseudoReinforcementProtocol,
  type ScopingProtocol,
  type StandardReinforcementProtocol,
} from './focusingProtocol';
export {
  hammingLocalEntropy,
  logBinomial,
  type HammingLocalEntropy,
  type HammingLocalEntropyOptions,
} from './hammingLocalEntropy';
export { leastAction, type LeastActionOptions } from './leastAction';
export { atanhErf, erf, erfc, fieldProduct, logErfc, mixField } from './magnetization';
export { simulatedAnnealing, type SimulatedAnnealingOptions } from './simulatedAnnealing';
export { solveBinary, type BinarySolution, type BinarySolver } from './solveBinary';
