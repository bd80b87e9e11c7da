/**
 * k Hessian–vector products of an MLP's mean softmax cross-entropy at once, written by hand as
 * Pearlmutter's R-operator (forward tangents, then the tangent of the backward pass).
 *
 * Why by hand: the generic batched product (`batchedHessianVectorProducts`, w replicated into k
 * rows) needs per-row weight gradients, i.e. k-batched matrix products of two row-dependent
 * factors, and tfjs-backend-wasm runs every batched product through a naive loop (~1 GFLOP/s;
 * only unbatched products use XNNPACK): the whole 354×354 Hessian of the default race model took
 * 1.2 s that way. Here the point w is shared and every product has one shared factor, so each is
 * a single 2-D matrix product over the k directions (the R-operator is bilinear in (w, v)), and
 * no row's gradient is computed k times. Same numbers to float32 rounding (tested against the
 * autodiff products and the closed-form softmax-regression Hessian).
 *
 * Batched tensors are laid out [n, k, width] (sample-major) so that shared weights multiply
 * them as one [n·k, width] matrix and shared activations broadcast as [n, 1, width].
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ParamBlock } from '../types';
import { blockOf, denseChainLayers } from './denseChainBatch';
import type { LandscapeObjective } from './landscapeObjective';

/** One layer's weights at w, and the k directions' blocks for it. */
interface LayerTangent {
  readonly weight: ParamBlock;
  readonly bias: ParamBlock;
  /** W_l [fanIn, fanOut] at w. */
  readonly W: tf.Tensor2D;
  /** V_l of the k directions as [fanIn, k, fanOut]. */
  readonly V: tf.Tensor3D;
  /** c_l of the k directions as [1, k, fanOut]. */
  readonly c: tf.Tensor3D;
}

/** [n, k, d] → [n·k, d] · M [d, e] → [n, k, e]. */
function timesShared(t: tf.Tensor3D, m: tf.Tensor2D): tf.Tensor3D {
  const [n = 0, k = 0, d = 0] = t.shape;
  return tf.reshape(tf.matMul(tf.reshape(t, [n * k, d]), m), [n, k, m.shape[1]]);
}

/** A [n, d] · B [d, k, e] → [n, k, e] as one [n, d]·[d, k·e] product. */
function sharedTimes(a: tf.Tensor2D, b: tf.Tensor3D): tf.Tensor3D {
  const [d = 0, k = 0, e = 0] = b.shape;
  return tf.reshape(tf.matMul(a, tf.reshape(b, [d, k * e])), [a.shape[0], k, e]);
}

/** The forward pass at w and the layers' blocks, shared by every product at that point. */
interface ForwardAtPoint {
  readonly layers: readonly {
    weight: ParamBlock;
    bias: ParamBlock;
    W: tf.Tensor2D;
    WT: tf.Tensor2D;
  }[];
  /** h_0 = X, h_1 … h_{L−1}. */
  readonly h: readonly tf.Tensor2D[];
  /** [h_l, 1] for the weight-and-bias product of each layer. */
  readonly hOne: readonly tf.Tensor2D[];
  /** φ′(z_l), l < L. */
  readonly slopes: readonly tf.Tensor2D[];
  /** a_{l−1} ⊙ φ″(z_{l−1}) (tanh only), indexed by l − 1. */
  readonly curvatures: readonly (tf.Tensor2D | undefined)[];
  /** p as [n, 1, C]. */
  readonly pk: tf.Tensor3D;
  /** δ_l, l = 0 … L−1 (the top one is (p − Y)/n). */
  readonly deltas: readonly tf.Tensor2D[];
}

/** Products H(w) v for many v at one w: the forward and backward pass at w are computed once. */
export interface DenseChainHessianAt {
  /** As `denseChainHessianVectorProducts(objective, activation, w, v, lowest)`. */
  products(v: tf.Tensor2D, lowest?: number): tf.Tensor2D;
  /** Frees the kept forward pass. */
  dispose(): void;
}

/**
 * Rows H(w) v_g of the Hessian of L(w) = −(1/n) Σ_μ log softmax(z_L(x_μ; w))_{y_μ} for the MLP
 * z_l = h_{l−1} W_l + b_l, h_l = φ(z_l) (h_0 = X, linear output). With δ_L = (p − Y)/n,
 * a_{l−1} = δ_l W_lᵀ, δ_{l−1} = a_{l−1} ⊙ φ′(z_{l−1}) the backward pass, and for a direction
 * v = (V_l, c_l):
 *   Rz_l = Rh_{l−1} W_l + h_{l−1} V_l + c_l,   Rh_l = φ′(z_l) ⊙ Rz_l,   Rh_0 = 0;
 *   Rδ_L = p ⊙ (Rz_L − ⟨p, Rz_L⟩)/n;
 *   Rδ_{l−1} = (Rδ_l W_lᵀ + δ_l V_lᵀ) ⊙ φ′(z_{l−1}) + a_{l−1} ⊙ φ″(z_{l−1}) ⊙ Rz_{l−1};
 *   (Hv)_{W_l} = Rh_{l−1}ᵀ δ_l + h_{l−1}ᵀ Rδ_l,   (Hv)_{b_l} = Σ_μ Rδ_l.
 * φ′ of ReLU is step(z) (0 at 0, as tfjs's gradient) and φ″ = 0; tanh: φ′ = 1 − t², φ″ = −2tφ′.
 * `w` [D], `v` [k, D] (one direction per row) → [k, D]. Call in a tidy (or dispose the result);
 * the objective's labels are class indices.
 *
 * `lowest`: the directions vanish on the blocks of layers below it (e.g. unit vectors of layer
 * `lowest`'s parameters, as the columns of H come): Rz_l = 0 for l < lowest, and the tangents
 * and terms that carry them are skipped — the same numbers, fewer [n, k, d] tensors.
 */
export function denseChainHessianVectorProducts(
  objective: LandscapeObjective,
  activation: 'relu' | 'tanh',
  w: tf.Tensor1D,
  v: tf.Tensor2D,
  lowest = 0,
): tf.Tensor2D {
  const at = denseChainHessianAt(objective, activation, w);
  try {
    return at.products(v, lowest);
  } finally {
    at.dispose();
  }
}

/**
 * `denseChainHessianVectorProducts` at a fixed w: the forward pass (h_l, φ′(z_l), p) and the
 * backward pass (δ_l) are the same for every direction, so they are computed here once and kept;
 * each `products` call then runs only the tangents — for a one-layer MLP on n samples, two
 * [n, d₀]-sized products per direction instead of three. Dispose when done.
 */
export function denseChainHessianAt(
  objective: LandscapeObjective,
  activation: 'relu' | 'tanh',
  w: tf.Tensor1D,
): DenseChainHessianAt {
  const n = objective.x.shape[0];
  const forward = forwardAt(objective, activation, w);
  const kept = keptTensors(forward);
  let disposed = false;
  return {
    products: (v, lowest = 0) => {
      if (disposed) throw new Error('denseChainHessianAt: used after dispose()');
      return tangentProducts(forward, n, v, lowest);
    },
    dispose() {
      if (!disposed) tf.dispose(kept);
      disposed = true;
    },
  };
}

/** The forward and backward pass at w, kept (outside any tidy) for `denseChainHessianAt`. */
function forwardAt(
  objective: LandscapeObjective,
  activation: 'relu' | 'tanh',
  w: tf.Tensor1D,
): ForwardAtPoint {
  const chain = denseChainLayers(objective.model.layout);
  if (!chain) throw new Error('denseChainHessianVectorProducts: the model is not a dense chain');
  const n = objective.x.shape[0];
  let forward: ForwardAtPoint | undefined;
  tf.tidy(() => {
    const layers = chain.map(({ weight, bias }) => {
      const W = blockOf(w, weight) as tf.Tensor2D;
      return { weight, bias, W, WT: tf.transpose(W) };
    });
    const last = layers.length - 1;
    const h: tf.Tensor2D[] = [objective.x];
    const slopes: tf.Tensor2D[] = [];
    const tanhs: (tf.Tensor2D | undefined)[] = [];
    let z = objective.x;
    for (const [l, layer] of layers.entries()) {
      z = tf.add(tf.matMul(h[l]!, layer.W), blockOf(w, layer.bias));
      if (l === last) break;
      const t = activation === 'tanh' ? tf.tanh<tf.Tensor2D>(z) : undefined;
      slopes.push(
        activation === 'relu'
          ? tf.cast(tf.greater<tf.Tensor2D>(z, 0), 'float32')
          : tf.sub<tf.Tensor2D>(1, tf.square(t as tf.Tensor2D)),
      );
      tanhs.push(t);
      h.push(activation === 'relu' ? tf.relu(z) : (t as tf.Tensor2D));
    }
    const classes = z.shape[1];
    const p = tf.softmax(tf.sub(z, tf.max(z, 1, true)));
    const target = tf.oneHot(tf.cast(objective.y, 'int32'), classes);
    const deltas: tf.Tensor2D[] = new Array<tf.Tensor2D>(layers.length);
    const curvatures: (tf.Tensor2D | undefined)[] = new Array<tf.Tensor2D | undefined>(last);
    deltas[last] = tf.div<tf.Tensor2D>(tf.sub(p, target), n);
    for (let l = last; l > 0; l--) {
      const a = tf.matMul(deltas[l]!, layers[l]!.WT);
      const t = tanhs[l - 1];
      // a_{l−1} ⊙ φ″(z_{l−1}) with φ″ = −2tφ′ for tanh; none for ReLU.
      curvatures[l - 1] = t
        ? tf.mul<tf.Tensor2D>(a, tf.mul(-2, tf.mul(t, slopes[l - 1]!)))
        : undefined;
      deltas[l - 1] = tf.mul(a, slopes[l - 1]!);
    }
    const ones = tf.ones<tf.Rank.R2>([n, 1]);
    forward = {
      layers,
      h,
      hOne: h.map((x) => tf.concat([x, ones], 1)),
      slopes,
      curvatures,
      pk: tf.expandDims<tf.Tensor3D>(p, 1),
      deltas,
    };
    keptTensors(forward).forEach((t) => tf.keep(t));
  });
  return forward!;
}

/** The tensors `forward` holds but the objective's inputs. */
function keptTensors(forward: ForwardAtPoint): tf.Tensor[] {
  return [
    ...forward.layers.flatMap((l) => [l.W, l.WT]),
    ...forward.h.slice(1),
    ...forward.hOne,
    ...forward.slopes,
    ...forward.curvatures.filter((c): c is tf.Tensor2D => c !== undefined),
    forward.pk,
    ...forward.deltas,
  ];
}

/** The R-operator's tangent passes for the k directions `v` [k, D] at the kept `forward`. */
function tangentProducts(
  forward: ForwardAtPoint,
  n: number,
  v: tf.Tensor2D,
  lowest: number,
): tf.Tensor2D {
  return tf.tidy(() => {
    const k = v.shape[0];
    const { h, hOne, slopes, curvatures, pk, deltas } = forward;
    const layers: LayerTangent[] = forward.layers.map(({ weight, bias, W }) => {
      const [fanIn = 0, fanOut = 0] = weight.shape;
      const vw = tf.reshape<tf.Rank.R3>(tf.slice(v, [0, weight.offset], [k, weight.size]), [
        k,
        fanIn,
        fanOut,
      ]);
      return {
        weight,
        bias,
        W,
        V: tf.transpose<tf.Tensor3D>(vw, [1, 0, 2]),
        c: tf.reshape(tf.slice(v, [0, bias.offset], [k, bias.size]), [1, k, fanOut]),
      };
    });
    const last = layers.length - 1;

    // Forward tangents Rz_l [n, k, d_l].
    const rh: (tf.Tensor3D | undefined)[] = [undefined];
    const rz: (tf.Tensor3D | undefined)[] = [];
    for (const [l, layer] of layers.entries()) {
      if (l < lowest) {
        rz.push(undefined);
        rh.push(undefined);
        continue;
      }
      let r = tf.add<tf.Tensor3D>(sharedTimes(h[l]!, layer.V), layer.c);
      const below = rh[l];
      if (below) r = tf.add<tf.Tensor3D>(r, timesShared(below, layer.W));
      rz.push(r);
      if (l < last) rh.push(tf.mul<tf.Tensor3D>(r, tf.expandDims(slopes[l]!, 1)));
    }

    // Backward pass and its tangent, top layer down.
    const rzTop = rz[last]!;
    let rDelta = tf.div<tf.Tensor3D>(
      tf.mul(pk, tf.sub(rzTop, tf.sum(tf.mul(pk, rzTop), 2, true))),
      n,
    );
    const blocks: tf.Tensor2D[] = new Array<tf.Tensor2D>(layers.length);
    for (let l = last; l >= 0; l--) {
      const layer = layers[l]!;
      const [fanIn = 0, fanOut = 0] = layer.weight.shape;
      // h_{l−1}ᵀ Rδ_l and Σ_μ Rδ_l, the weight and the bias block, as rows 0…fanIn − 1 and row
      // fanIn of [k, fanIn + 1, fanOut] (the layout's order) from one [k·fanOut, n]·[n, fanIn + 1]
      // product with h's ones column: this way round wasm packs a [n, fanIn + 1] right factor,
      // not a [n, k·fanOut] one, and the bias needs no reduction over n.
      const rDeltaT = tf.transpose(tf.reshape(rDelta, [n, k * fanOut]));
      let gwb = tf.transpose<tf.Tensor3D>(
        tf.reshape(tf.matMul(rDeltaT, hOne[l]!), [k, fanOut, fanIn + 1]),
        [0, 2, 1],
      );
      const below = rh[l];
      if (below) {
        // Rh_{l−1}ᵀ δ_l: [k·fanIn, n]·[n, fanOut], on the weight rows only.
        const rhT = tf.transpose(tf.reshape(below, [n, k * fanIn]));
        const rhDelta = tf.reshape<tf.Rank.R3>(tf.matMul(rhT, deltas[l]!), [k, fanIn, fanOut]);
        gwb = tf.add(
          gwb,
          tf.pad(rhDelta, [
            [0, 0],
            [0, 1],
            [0, 0],
          ]),
        );
      }
      blocks[l] = tf.reshape(gwb, [k, (fanIn + 1) * fanOut]);
      if (l === 0) break;
      const WT = forward.layers[l]!.WT;
      // δ_l V_lᵀ: [n, fanOut]·[fanOut, k·fanIn] → [n, k, fanIn] (0 below `lowest`).
      let ra = timesShared(rDelta, WT);
      if (l >= lowest) {
        const VT = tf.transpose<tf.Tensor3D>(layer.V, [2, 1, 0]);
        ra = tf.add<tf.Tensor3D>(ra, sharedTimes(deltas[l]!, VT));
      }
      let next = tf.mul<tf.Tensor3D>(ra, tf.expandDims(slopes[l - 1]!, 1));
      const curvature = curvatures[l - 1];
      if (curvature && rz[l - 1])
        next = tf.add<tf.Tensor3D>(next, tf.mul(rz[l - 1]!, tf.expandDims(curvature, 1)));
      rDelta = next;
    }
    return tf.concat(blocks, 1);
  });
}
