import * as tf from '@tensorflow/tfjs-core';
import { batchedHessianVectorProducts } from '../autodiff/batchedHessianVectorProducts';
import { crossEntropy } from '../losses/crossEntropy';
import type { BatchedProducts } from '../spectrum/hessianOperator';
import { denseChainLayers } from './denseChainBatch';
import {
  denseChainHessianAt,
  denseChainHessianVectorProducts,
  type DenseChainHessianAt,
} from './denseChainHessianVectorProducts';
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
    const layers = denseChainLayers(objective.model.layout) ?? [];
    // H's columns a layer at a time: a unit vector of layer l has no tangent below l.
    const columns = (at: DenseChainHessianAt, dim: number, start: number, end: number) =>
      tf.tidy(() => {
        const parts = layers.flatMap(({ weight, bias }, l) => {
          const from = Math.max(start, weight.offset);
          const to = Math.min(end, bias.offset + bias.size);
          if (from >= to) return [];
          const units = tf.cast(tf.oneHot(tf.range(from, to, 1, 'int32'), dim), 'float32');
          return [at.products(units as tf.Tensor2D, l)];
        });
        const covered = parts.reduce((sum, p) => sum + p.shape[0], 0);
        if (covered !== end - start) throw new Error('hessianProducts: the layers do not tile w');
        return parts.length === 1 ? parts[0]! : tf.concat(parts, 0);
      });
    const at = (w: tf.Tensor1D) => denseChainHessianAt(objective, chain.activation, w);
    return {
      products: (w, v) => denseChainHessianVectorProducts(objective, chain.activation, w, v),
      size: rowsPerPass(objective),
      columns: (w, start, end) => {
        const prepared = at(w);
        try {
          return columns(prepared, w.shape[0], start, end);
        } finally {
          prepared.dispose();
        }
      },
      at: (w) => {
        const prepared = at(w);
        return {
          products: (v) => prepared.products(v),
          columns: (start, end) => columns(prepared, w.shape[0], start, end),
          dispose: () => prepared.dispose(),
        };
      },
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
