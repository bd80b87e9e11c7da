/**
 * The rescaling symmetry of ReLU networks (Dinh et al. 2017, "Sharp minima can generalize"):
 * multiplying hidden layer k's weights and bias by c > 0 and the next layer's weights by 1/c leaves
 * the function unchanged, since relu(c·z) = c·relu(z) — yet it changes the Hessian at will.
 */
import type { ParamBlock } from '../types';

/**
 * w' = w with W_k, b_k × c and W_{k+1} × 1/c, for an MLP layout (W1, b1, W2, b2, …; `layer` k
 * counts hidden layers from 1). The same function for ReLU hidden units; not for tanh.
 */
export function rescaleReluLayers(
  layout: readonly ParamBlock[],
  w: ArrayLike<number>,
  layer: number,
  factor: number,
): Float32Array {
  if (!(factor > 0)) throw new RangeError(`the rescaling factor must be positive, got ${factor}`);
  const weights = layout.filter((b) => b.kind === 'weight');
  const biases = layout.filter((b) => b.kind === 'bias');
  const wk = weights[layer - 1];
  const bk = biases[layer - 1];
  const next = weights[layer];
  if (!wk || !next) {
    throw new RangeError(
      `layer ${layer} is not a hidden layer of this ${weights.length}-layer network`,
    );
  }
  const out = Float32Array.from(w);
  const scale = (block: ParamBlock | undefined, by: number) => {
    if (!block) return;
    for (let i = block.offset; i < block.offset + block.size; i++) out[i] = (out[i] ?? 0) * by;
  };
  scale(wk, factor);
  scale(bk, factor);
  scale(next, 1 / factor);
  return out;
}
