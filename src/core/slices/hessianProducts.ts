import { batchedHessianVectorProducts } from '../autodiff/batchedHessianVectorProducts';
import { crossEntropy } from '../losses/crossEntropy';
import type { BatchedProducts } from '../spectrum/hessianOperator';
import { denseChainHessianVectorProducts } from './denseChainHessianVectorProducts';
import { denseChainRowLosses, rowsPerPass } from './denseChainRowLosses';
import type { LandscapeObjective } from './landscapeObjective';

/**
 * The fastest batched Hessian–vector products the objective allows, for `hessianOperator`:
 * an MLP under cross-entropy on class labels gets the hand-written R-operator
 * (`denseChainHessianVectorProducts`); another MLP with a block loss the replicated-row double
 * back-propagation (`batchedHessianVectorProducts` on `denseChainRowLosses`); anything else
 * none (one product per application). Rows per pass from `rowsPerPass`.
 */
export function hessianProducts(objective: LandscapeObjective): BatchedProducts | undefined {
  const chain = objective.denseChain;
  if (!chain) return undefined;
  if (objective.loss === crossEntropy && objective.labelKind === 'class') {
    return {
      products: (w, v) => denseChainHessianVectorProducts(objective, chain.activation, w, v),
      size: rowsPerPass(objective),
    };
  }
  const rowLosses = denseChainRowLosses(objective);
  if (!rowLosses) return undefined;
  return {
    products: (w, v) => batchedHessianVectorProducts(rowLosses, w, v),
    // The double back-propagation keeps several times more [k, n, width] tensors alive.
    size: rowsPerPass(objective, 2 ** 20),
  };
}
