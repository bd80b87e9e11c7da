export {
  evaluatePoints,
  pointEvaluator,
  type EvaluationMethod,
  type EvaluationOptions,
  type PointEvaluator,
  type PointValues,
} from './evaluatePoints';
export { evaluateOnPlane } from './evaluateOnPlane';
export {
  filterNormalizedDirection,
  filterNormalizedPlane,
  type FilterNormalizationOptions,
} from './filterNormalizedDirection';
export { hessianEigenvectorPlane, type HessianEigenvectorPlane } from './hessianEigenvectorPlane';
export {
  createLandscapeObjective,
  evaluateAt,
  objectiveError,
  objectiveLoss,
  type LandscapeObjective,
  type LossAndError,
  type OwnedLandscapeObjective,
} from './landscapeObjective';
export {
  linspace,
  lossInterpolation,
  lossSurface,
  type LossInterpolation,
  type LossSurface,
} from './lossSurface';
export {
  planeFromDirections,
  pointOnPlane,
  projectOntoPlane,
  type Plane,
  type PlaneProjection,
} from './plane';
export { planeThroughPoints, type PlaneThroughPoints } from './planeThroughPoints';
export { trajectoryPcaPlane, type TrajectoryPlane } from './trajectoryPcaPlane';
