/**
 * Batched forward passes of an MLP (`makeMlp` layout: W1 [d0, d1], b1 [d1], W2 …, linear output)
 * at G parameter vectors at once, as batched matrix products over a leading grid axis — instead of
 * G separate forwards. Internal to the slice and flatness instruments.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ParamBlock } from '../types';
import type { LandscapeObjective } from './landscapeObjective';

/** The (weight, bias) block pairs of a dense chain, or undefined if the layout is not one. */
export function denseChainLayers(
  layout: readonly ParamBlock[],
): { weight: ParamBlock; bias: ParamBlock }[] | undefined {
  if (layout.length === 0 || layout.length % 2 !== 0) return undefined;
  const layers: { weight: ParamBlock; bias: ParamBlock }[] = [];
  for (let k = 0; k < layout.length; k += 2) {
    const weight = layout[k]!;
    const bias = layout[k + 1]!;
    if (weight.kind !== 'weight' || bias.kind !== 'bias' || weight.shape.length !== 2)
      return undefined;
    if (bias.size !== weight.shape[1]) return undefined;
    const prev = layers.at(-1);
    if (prev && prev.weight.shape[1] !== weight.shape[0]) return undefined;
    if (bias.offset !== weight.offset + weight.size) return undefined;
    layers.push({ weight, bias });
  }
  return layers;
}

/** Per-grid-point weights of one layer: W [G, fanIn, fanOut], b [G, 1, fanOut]. */
export type LayerWeights = (layer: number) => { W: tf.Tensor3D; b: tf.Tensor3D };

/**
 * Runs layers 2…L on the first layer's pre-activations z₁ [G, n, d1]:
 * z_l = φ(z_{l−1}) W_l(g) + b_l(g) (batched matMul), returning the logits [G, n, C]. Call in a tidy.
 */
export function denseChainTail(
  z1: tf.Tensor3D,
  layers: number,
  weightsOf: LayerWeights,
  activation: 'relu' | 'tanh',
): tf.Tensor3D {
  let z = z1;
  for (let l = 1; l < layers; l++) {
    const h = activation === 'relu' ? tf.relu(z) : tf.tanh(z);
    const { W, b } = weightsOf(l);
    z = tf.add(tf.matMul(h, W), b);
  }
  return z;
}

/** One dense layer's weights at one point, host float32: W [fanIn, fanOut] row-major, c [fanOut]. */
export interface HostLayer {
  readonly W: Float32Array;
  readonly c: Float32Array;
  readonly fanIn: number;
  readonly fanOut: number;
}

/**
 * a [1, m, k] · b [1, k, e] (+ bias [e]) then `activation`, as one `_FusedMatMul` kernel: the op
 * `tf.fused.matMul` runs the same kernel inside a custom gradient and three reshapes, which cost
 * more than the product on these small layers (wasm, a 354-parameter MLP's forward: 76 → 48 µs).
 * The same numbers as the op; not differentiable. Call in a tidy.
 */
export function fusedDenseKernel(
  a: tf.Tensor3D,
  b: tf.Tensor3D,
  bias: tf.Tensor1D | undefined,
  activation: 'relu' | 'linear',
): tf.Tensor3D {
  return tf.engine().runKernel<tf.Tensor3D>('_FusedMatMul', bias ? { a, b, bias } : { a, b }, {
    transposeA: false,
    transposeB: false,
    activation,
  });
}

/**
 * z_L of dense layers z_l = h_{l−1} W_l + c_l, h_l = φ(z_l) (h_0 = `input` [1, n, d₀], linear
 * output) with one unbatched fused product per layer (bias and ReLU fused) on weights uploaded
 * from the host: on wasm, whose G-batched matMul is a naive loop, G of these beat one batched
 * forward. [1, n, C]. Call in a tidy.
 */
export function denseLayersOnHost(
  input: tf.Tensor3D,
  layers: readonly HostLayer[],
  activation: 'relu' | 'tanh',
): tf.Tensor3D {
  let z = input;
  for (const [l, { W, c, fanIn, fanOut }] of layers.entries()) {
    const last = l === layers.length - 1;
    const fused = !last && activation === 'relu' ? 'relu' : 'linear';
    z = fusedDenseKernel(z, tf.tensor3d(W, [1, fanIn, fanOut]), tf.tensor1d(c), fused);
    if (!last && activation === 'tanh') z = tf.tanh(z);
  }
  return z;
}

/**
 * Logits [G, n, C] of the MLP at G points held on the host (`points` [G·D], row-major), one
 * forward per point (`denseLayersOnHost`): the same numbers as `denseChainLogitsAtPoints` to
 * float32 rounding, without its batched products. Call in a tidy.
 */
export function denseChainLogitsPerPoint(
  objective: LandscapeObjective,
  points: Float32Array,
  activation: 'relu' | 'tanh',
): tf.Tensor3D {
  const layers = denseChainLayers(objective.model.layout);
  if (!layers) throw new Error('denseChainLogitsPerPoint: the model is not a dense chain');
  const dim = objective.model.paramCount;
  const count = points.length / dim;
  const x = tf.expandDims<tf.Tensor3D>(objective.x, 0);
  const rows: tf.Tensor3D[] = [];
  for (let g = 0; g < count; g++) {
    const at = (block: ParamBlock) =>
      points.subarray(g * dim + block.offset, g * dim + block.offset + block.size);
    const host = layers.map(({ weight, bias }) => ({
      W: at(weight),
      c: at(bias),
      fanIn: weight.shape[0] ?? 0,
      fanOut: weight.shape[1] ?? 0,
    }));
    // A tidy per point frees its activations at once (the next point reuses the memory).
    rows.push(tf.tidy(() => denseLayersOnHost(x, host, activation)));
  }
  return tf.concat(rows, 0);
}

/**
 * Mean loss and error of each of G logit blocks [G, n, C] against the objective's labels: loss via
 * the objective's `Loss` on each [n, C] slice, error via argmax (class labels) or sign (±1 labels)
 * — the MLP's `predict`. Returns [G] and [G]. Call in a tidy.
 */
export function lossAndErrorOfLogits(
  objective: LandscapeObjective,
  logits: tf.Tensor3D,
): { loss: tf.Tensor1D; error: tf.Tensor1D } {
  const g = logits.shape[0];
  let loss: tf.Tensor1D;
  if (objective.blockLoss) {
    loss = objective.blockLoss(logits, objective.y);
  } else {
    const losses: tf.Scalar[] = [];
    for (let k = 0; k < g; k++) {
      const zk = tf.squeeze<tf.Tensor2D>(tf.slice(logits, [k, 0, 0], [1, -1, -1]), [0]);
      losses.push(objective.loss(zk, objective.y));
    }
    loss = tf.stack(losses) as tf.Tensor1D;
  }
  const predictions =
    objective.labelKind === 'class'
      ? tf.cast(tf.argMax(logits, 2), 'float32')
      : tf.sign(tf.squeeze(tf.slice(logits, [0, 0, 0], [-1, -1, 1]), [2]));
  // p − y ≠ 0, not notEqual(p, y): tfjs-backend-wasm's broadcasting comparison is ~15× slower
  // than its broadcasting subtraction. Labels and predictions are small integers: exact.
  const wrong = tf.cast(
    tf.notEqual(tf.sub(predictions, tf.expandDims(objective.y, 0)), 0),
    'float32',
  );
  return { loss, error: tf.mean<tf.Tensor1D>(wrong, 1) };
}

/** Block `block` of every row of a [G, D] parameter matrix, shaped [G, …block.shape]. */
export function blockOfRows(params: tf.Tensor2D, block: ParamBlock): tf.Tensor {
  const g = params.shape[0];
  return tf.reshape(tf.slice(params, [0, block.offset], [g, block.size]), [g, ...block.shape]);
}

/** Block `block` of a flat [D] vector, shaped like the block. */
export function blockOf(w: tf.Tensor1D, block: ParamBlock): tf.Tensor {
  return tf.reshape(tf.slice(w, [block.offset], [block.size]), [...block.shape]);
}

/**
 * Logits [G, n, C] of the MLP at the G rows of `params` [G, D]. The first layer is one product
 * X·[W1(1) … W1(G)] of shape [n, G·d1]; the others are batched products. Call in a tidy.
 */
export function denseChainLogitsAtPoints(
  objective: LandscapeObjective,
  params: tf.Tensor2D,
  activation: 'relu' | 'tanh',
): tf.Tensor3D {
  const layers = denseChainLayers(objective.model.layout);
  if (!layers) throw new Error('denseChainLogitsAtPoints: the model is not a dense chain');
  const g = params.shape[0];
  const n = objective.x.shape[0];
  const first = layers[0]!;
  const [din = 0, d1 = 0] = first.weight.shape;
  const w1 = tf.reshape(tf.transpose(blockOfRows(params, first.weight), [1, 0, 2]), [din, g * d1]);
  const xw = tf.transpose(tf.reshape(tf.matMul(objective.x, w1), [n, g, d1]), [1, 0, 2]);
  const z1 = tf.add<tf.Tensor3D>(xw, tf.reshape(blockOfRows(params, first.bias), [g, 1, d1]));
  return denseChainTail(
    z1,
    layers.length,
    (l) => {
      const { weight, bias } = layers[l]!;
      return {
        W: blockOfRows(params, weight) as tf.Tensor3D,
        b: tf.reshape(blockOfRows(params, bias), [g, 1, bias.size]),
      };
    },
    activation,
  );
}
