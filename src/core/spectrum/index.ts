export { countOutliers, type OutlierCount, type OutlierOptions } from './countOutliers';
export { denseMatrix, exactSpectrum, type ExactSpectrum } from './exactSpectrum';
export { gradientConfinement, type GradientConfinement } from './gradientConfinement';
export { gradientVector, hessianOperator, type HessianOperator } from './hessianOperator';
export { hutchinsonTrace, type TraceEstimate } from './hutchinsonTrace';
export { hutchPlusPlusTrace, type HutchPlusPlusEstimate } from './hutchPlusPlusTrace';
export { lanczos, type LanczosOptions, type LanczosResult, type RitzPair } from './lanczos';
export { lanczosTridiagonal, type LanczosTridiagonal } from './lanczosTridiagonal';
export {
  binIntegral,
  defaultKernelVariance,
  densityGrid,
  quadratureQuantile,
  quadratureRange,
  slqDensity,
} from './slqDensity';
export {
  stochasticLanczosQuadrature,
  type QuadratureRule,
  type SlqOptions,
  type SpectralQuadrature,
} from './stochasticLanczosQuadrature';
