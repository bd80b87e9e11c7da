/**
 * An MLP restricted to a plane w(a, b) = o + a u + b v, for evaluating it at many (a, b): the
 * first layer's pre-activation is linear in (a, b),
 *   X W₁(a, b) + b₁(a, b) = (X W₁ᵒ + b₁ᵒ) + a (X W₁ᵘ + b₁ᵘ) + b (X W₁ᵛ + b₁ᵛ),
 * so its three [n, d₁] products are computed once per plane, and each grid point costs an axpy
 * of them plus the small later layers, whose weights are formed per point (in float64, as the
 * point-by-point reference forms the whole vector). Internal to the slice instruments.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ParamBlock } from '../types';
import { blockOf, denseChainLayers, denseLayersOnHost, fusedDenseKernel } from './denseChainBatch';
import type { LandscapeObjective } from './landscapeObjective';
import type { Plane } from './plane';

/**
 * How the later layers run over a chunk of G points. 'perPoint': one unbatched product per point
 * and layer — on wasm, whose G-batched matMul is a naive loop (~0.5 GFLOP/s against XNNPACK's
 * 7–20) and whose [G·n, d] products spill the cache. 'batched': one G-batched product per layer
 * (GPU backends, cpu), no per-point kernel launches.
 */
export type PlaneTail = 'perPoint' | 'batched';

export interface DenseChainPlane {
  /**
   * Logits [G, n, C] at the points (a[g], b[g]) for g in [start, end). Call in a tidy.
   */
  logits(a: ArrayLike<number>, b: ArrayLike<number>, start: number, end: number): tf.Tensor3D;
  /** Frees the per-plane products. */
  dispose(): void;
}

/** The tail a backend runs fastest: per point on wasm, batched elsewhere. */
export function defaultPlaneTail(backend: string = tf.getBackend()): PlaneTail {
  return backend === 'wasm' ? 'perPoint' : 'batched';
}

/** origin + a·u + b·v over one block, float64 rounded once to float32 (as `pointOnPlane`). */
function blockOnPlane(plane: Plane, block: ParamBlock, a: number, b: number, out: Float32Array) {
  const { origin, u, v } = plane;
  for (let i = 0; i < block.size; i++) {
    const j = block.offset + i;
    out[i] = origin[j]! + a * u[j]! + b * v[j]!;
  }
}

/**
 * Precomputes the plane's first-layer products P = [X W₁ᵏ + b₁ᵏ]_{k = o, u, v} as [3, n·d₁]
 * (one [n, din]·[din, 3·d₁] product) for `objective` (a dense chain, `denseChain` set).
 * Per point: h₁ = φ((1, a, b)·P) (one [1, 3]·[3, n·d₁] product, ReLU fused), then
 * z_l = h_{l−1} W_l(a, b) + b_l(a, b) for the later layers. Dispose the result.
 */
export function denseChainPlane(
  objective: LandscapeObjective,
  plane: Plane,
  activation: 'relu' | 'tanh',
  tail: PlaneTail = defaultPlaneTail(),
): DenseChainPlane {
  const layers = denseChainLayers(objective.model.layout);
  if (!layers) throw new Error('denseChainPlane: the model is not a dense chain');
  const first = layers[0]!;
  const later = layers.slice(1);
  const n = objective.x.shape[0];
  const d1 = first.bias.size;
  const products = tf.tidy(() => {
    const directions = [plane.origin, plane.u, plane.v].map((t) =>
      tf.tensor1d(Float32Array.from(t.subarray(first.weight.offset, first.bias.offset + d1))),
    );
    const local = { ...first.weight, offset: 0 };
    const localBias = { ...first.bias, offset: first.weight.size };
    const W = tf.concat<tf.Tensor2D>(
      directions.map((t) => blockOf(t, local) as tf.Tensor2D),
      1,
    );
    const B = tf.concat<tf.Tensor1D>(directions.map((t) => blockOf(t, localBias) as tf.Tensor1D));
    const parts = tf.reshape(tf.add(tf.matMul(objective.x, W), B), [n, 3, d1]);
    return tf.reshape<tf.Rank.R2>(tf.transpose(parts, [1, 0, 2]), [3, n * d1]);
  });
  const act = (z: tf.Tensor2D | tf.Tensor3D, last: boolean) =>
    last ? z : activation === 'relu' ? tf.relu(z) : tf.tanh(z);
  const firstLayer = (c: tf.Tensor2D): tf.Tensor2D =>
    activation === 'relu' && later.length > 0
      ? (tf.fused.matMul({ a: c, b: products, activation: 'relu' }) as tf.Tensor2D)
      : (act(tf.matMul(c, products), later.length === 0) as tf.Tensor2D);

  /** One point's first layer from its coefficients [1, 1, 3]: [1, 1, n·d₁], activated unless last. */
  const products3 = tf.expandDims<tf.Tensor3D>(products, 0);
  const pointFirstLayer = (c: tf.Tensor3D): tf.Tensor3D => {
    if (later.length === 0) return fusedDenseKernel(c, products3, undefined, 'linear');
    if (activation === 'relu') return fusedDenseKernel(c, products3, undefined, 'relu');
    return tf.tanh(fusedDenseKernel(c, products3, undefined, 'linear'));
  };

  /** Layer l's weights and biases at the chunk's points, float32 [G·fanIn·fanOut], [G·fanOut]. */
  const laterBlocks = (a: ArrayLike<number>, b: ArrayLike<number>, start: number, end: number) =>
    later.map(({ weight, bias }) => {
      const W = new Float32Array((end - start) * weight.size);
      const c = new Float32Array((end - start) * bias.size);
      for (let g = start; g < end; g++) {
        blockOnPlane(plane, weight, a[g]!, b[g]!, W.subarray((g - start) * weight.size));
        blockOnPlane(plane, bias, a[g]!, b[g]!, c.subarray((g - start) * bias.size));
      }
      return { W, c, weight, bias };
    });

  return {
    logits(a, b, start, end) {
      const g = end - start;
      const blocks = laterBlocks(a, b, start, end);
      if (tail === 'batched') {
        const coefficients = new Float32Array(3 * g);
        for (let k = 0; k < g; k++) coefficients.set([1, a[start + k]!, b[start + k]!], 3 * k);
        let z = tf.reshape<tf.Rank.R3>(firstLayer(tf.tensor2d(coefficients, [g, 3])), [g, n, d1]);
        for (const [l, { W, c, weight, bias }] of blocks.entries()) {
          const [fanIn = 0, fanOut = 0] = weight.shape;
          z = tf.add(
            tf.matMul(z, tf.tensor3d(W, [g, fanIn, fanOut])),
            tf.tensor3d(c, [g, 1, bias.size]),
          );
          if (l < blocks.length - 1) z = act(z, false) as tf.Tensor3D;
        }
        return z;
      }
      const rows: tf.Tensor3D[] = [];
      for (let k = 0; k < g; k++) {
        const host = blocks.map(({ W, c, weight, bias }) => ({
          W: W.subarray(k * weight.size, (k + 1) * weight.size),
          c: c.subarray(k * bias.size, (k + 1) * bias.size),
          fanIn: weight.shape[0] ?? 0,
          fanOut: weight.shape[1] ?? 0,
        }));
        // A tidy per point frees its [n, d₁] activations at once, so the next point reuses
        // the same (cache-warm) memory.
        rows.push(
          tf.tidy(() => {
            const coefficients = tf.tensor3d([1, a[start + k]!, b[start + k]!], [1, 1, 3]);
            const h1 = tf.reshape<tf.Rank.R3>(pointFirstLayer(coefficients), [1, n, d1]);
            return host.length > 0 ? denseLayersOnHost(h1, host, activation) : h1;
          }),
        );
      }
      return tf.concat(rows, 0);
    },
    dispose() {
      products.dispose();
      products3.dispose();
    },
  };
}
