export { localEnergy, type LocalEnergyCurve, type LocalEnergyOptions } from './localEnergy';
export {
  geometricLadder,
  localFreeEntropy,
  type LocalFreeEntropy,
  type LocalFreeEntropyOptions,
} from './localFreeEntropy';
export {
  shellLocalEntropy,
  type ShellLocalEntropy,
  type ShellSamplingOptions,
} from './shellLocalEntropy';
export { summarize, type SampleSummary } from './summary';
