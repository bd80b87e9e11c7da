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
    // First-layer weights of an input that is zero in every sample: L does not depend on them,
    // so their rows and columns of H are exactly zero (48 of 196 pixels of 200 MNIST digits).
    let deadWeights: Uint8Array | undefined;
    const isDead = () => {
      if (!deadWeights) {
        const [n, inputs] = objective.x.shape;
        const x = objective.x.dataSync();
        const units = layers[0]?.weight.shape[1] ?? 0;
        deadWeights = new Uint8Array(inputs * units);
        for (let p = 0; p < inputs; p++) {
          let zero = true;
          for (let i = 0; i < n && zero; i++) zero = x[i * inputs + p] === 0;
          if (zero) deadWeights.fill(1, p * units, (p + 1) * units);
        }
      }
      return deadWeights;
    };
    // H's columns a layer at a time: a unit vector of layer l has no tangent below l; the dead
    // first-layer weights' columns are zeros without a product.
    const columns = (at: DenseChainHessianAt, dim: number, start: number, end: number) =>
      tf.tidy(() => {
        const parts = layers.flatMap(({ weight, bias }, l) => {
          const from = Math.max(start, weight.offset);
          const to = Math.min(end, bias.offset + bias.size);
          if (from >= to) return [];
          const dead = l === 0 ? isDead() : undefined;
          const live: number[] = [];
          const rowOf = new Int32Array(to - from);
          for (let j = from; j < to; j++) {
            const weightIndex = j - weight.offset;
            const skip = dead !== undefined && weightIndex < dead.length && dead[weightIndex] === 1;
            rowOf[j - from] = skip ? -1 : live.push(j) - 1;
          }
          if (live.length === to - from) {
            const units = tf.cast(tf.oneHot(tf.range(from, to, 1, 'int32'), dim), 'float32');
            return [at.products(units as tf.Tensor2D, l)];
          }
          const zero = tf.zeros([1, dim]);
          const computed =
            live.length === 0
              ? zero
              : tf.concat([
                  at.products(
                    tf.cast(tf.oneHot(tf.tensor1d(live, 'int32'), dim), 'float32') as tf.Tensor2D,
                    l,
                  ),
                  zero,
                ]);
          const zeroRow = computed.shape[0] - 1;
          const index = tf.tensor1d(
            Int32Array.from(rowOf, (r) => (r < 0 ? zeroRow : r)),
            'int32',
          );
          return [tf.gather(computed, index) as tf.Tensor2D];
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
