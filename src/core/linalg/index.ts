export { checkpoint, progressRange } from './checkpoint';
export {
  applyToMany,
  denseOperator,
  matVec,
  symmetrizeInPlace,
  type LinearOperator,
} from './linearOperator';
export {
  symmetricEigen,
  symmetricEigenChunked,
  type SymmetricEigen,
  type SymmetricEigenOptions,
} from './symmetricEigen';
export {
  symmetricTridiagonalEigen,
  type TridiagonalEigen,
  type TridiagonalVectors,
} from './tridiagonalEigen';
export * from './vector';
