export { batchedHessianVectorProducts } from './batchedHessianVectorProducts';
export { hessianVectorProduct } from './hessianVectorProduct';
export {
  installSecondOrderGradients,
  secondOrderGradientsInstalled,
  SECOND_ORDER_KERNELS,
} from './secondOrderGradients';
export { stopGradient } from './stopGradient';
