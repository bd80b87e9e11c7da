/** The optimizers of SCIENCE.md §4: specs and defaults, the factory, the runtime interface. */
export { createOptimizer } from './createOptimizer';
export type { Optimizer, OptimizerOptions, OptimizerSnapshot } from './optimizer';
export {
  ADAM_DEFAULTS,
  CONSTANT_LR,
  ENTROPY_SGD_DEFAULTS,
  ENTROPY_SGD_SCALED_DEFAULTS,
  makeOptimizerSpec,
  OPTIMIZER_DEFAULTS,
  REPLICATED_SGD_DEFAULTS,
  SAM_DEFAULTS,
  SGD_DEFAULTS,
} from './optimizerSpec';
export type {
  AdamSpec,
  EntropySgdSpec,
  EntropySgdVariant,
  LrSchedule,
  NormSchedule,
  OptimizerKind,
  OptimizerSpec,
  ReplicatedSgdSpec,
  SamSpec,
  SgdHyper,
  SgdSpec,
  SpecOf,
} from './optimizerSpec';
export {
  couplingAt,
  couplingSchedule,
  stabilityCapStep,
  STABILITY_MARGIN,
  type CouplingSchedule,
  type CouplingValue,
} from './couplingSchedule';
export { entropySgdGradEvalsPerStep } from './entropySgd';
export { samGradient } from './sam';
export { geometricCouplingAt, learningRateAt, normTargetAt } from './schedules';
export { validateOptimizerSpec } from './validateOptimizerSpec';
