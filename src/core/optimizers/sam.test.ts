// tfjs-core registers no gradients by itself (the union package does); the harness installs only
// the second-order fixes, after these imports have run. Core's main entry must load first: in Node
// it is a separate (CommonJS) copy, and the first copy loaded creates the engine and its tensors.
import '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { describeEachBackend } from '../../testing/backends.node';
import { hessianVectorProduct } from '../autodiff';
import { createOptimizer } from './createOptimizer';
import { lossGradient } from './lossGradient';
import { makeOptimizerSpec } from './optimizerSpec';
import { samGradient } from './sam';
import { deepLinearProblem, randomInit } from './testProblems';

const N = 4;
const H = 3;
const D = H * N + H;

function norm(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! ** 2;
  return Math.sqrt(s);
}

describeEachBackend('SAM', () => {
  it('has gradient g + ρHg/‖g‖ to first order: the remainder shrinks as ρ²', () => {
    const problem = deepLinearProblem(N, H, 64, 2);
    const batch = problem.nextBatch(32);
    const w = tf.tensor1d(randomInit(D, 4, 0.7));
    const f = (u: tf.Tensor1D): tf.Scalar => problem.loss(u, batch);
    const g = tf.tidy(() => lossGradient(problem, w, batch));
    const hg = hessianVectorProduct(f, w, g);
    const gv = g.dataSync();
    const hgv = hg.dataSync();
    const gNorm = norm(gv);
    const remainder = (rho: number): { error: number; firstOrder: number } => {
      const sam = tf.tidy(() => samGradient(problem, w, batch, rho));
      const s = sam.dataSync();
      sam.dispose();
      const err = Array.from(s, (v, i) => v - gv[i]! - (rho * hgv[i]!) / gNorm);
      const step = Array.from(s, (v, i) => v - gv[i]!);
      return { error: norm(err), firstOrder: norm(step) };
    };
    const big = remainder(0.05);
    const small = remainder(0.025);
    // ĝ − g is dominated by the first-order term …
    expect(big.error / big.firstOrder).toBeLessThan(0.1);
    // … and the rest is second order: halving ρ divides it by ≈ 4.
    const ratio = big.error / small.error;
    expect(ratio).toBeGreaterThan(3.5);
    expect(ratio).toBeLessThan(4.5);
    for (const t of [w, g, hg, batch.x, batch.y]) t.dispose();
  });

  it('steps from w with the perturbed gradient on the same batch: w − ηĝ, two gradients', () => {
    const init = randomInit(D, 4, 0.7);
    const problem = deepLinearProblem(N, H, 64, 2);
    const twin = deepLinearProblem(N, H, 64, 2);
    const opt = createOptimizer(
      makeOptimizerSpec({ kind: 'sam', lr: 0.05, batchSize: 16 }),
      problem,
      init,
      {
        seed: 0,
      },
    );
    opt.step();
    expect(problem.batchesServed).toBe(1);
    expect(opt.gradEvals).toBe(2);
    const want = tf.tidy(() => {
      const w = tf.tensor1d(init);
      return tf.sub(w, tf.mul(samGradient(twin, w, twin.nextBatch(16), 0.05), 0.05));
    });
    const got = opt.params().dataSync();
    want.dataSync().forEach((v, i) => expect(Math.abs(got[i]! - v)).toBeLessThan(1e-6));
    want.dispose();
    opt.dispose();
  });

  it('takes a zero gradient without NaN (ε = 0, not 0/0)', () => {
    const zero = tf.tidy(() => {
      const problem = deepLinearProblem(N, H, 8, 2);
      return samGradient(problem, tf.zeros([D]), problem.nextBatch(4), 0.05);
    });
    // At w = 0 the deep linear net's gradient vanishes: ε = 0 instead of 0/0.
    expect(Array.from(zero.dataSync()).every((v) => v === 0)).toBe(true);
    zero.dispose();
  });
});
