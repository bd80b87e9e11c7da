export { randomHyperplane, type RandomHyperplane } from './randomHyperplane';
export {
  goldilocksMeasures,
  restrictedHessian,
  type GoldilocksMeasures,
} from './restrictedHessian';
export {
  trainInHyperplane,
  type HyperplaneTraining,
  type HyperplaneTrainingOptions,
} from './trainInHyperplane';
export {
  HyperplaneOptimizer,
  hyperplaneProblem,
  type HyperplaneProblem,
} from './hyperplaneOptimizer';
