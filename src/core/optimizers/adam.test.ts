// tfjs-core registers no gradients by itself (the union package does); the harness installs only
// the second-order fixes, after these imports have run. Core's main entry must load first: in Node
// it is a separate (CommonJS) copy, and the first copy loaded creates the engine and its tensors.
import '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { expect, it } from 'vitest';
import { describeEachBackend } from '../../testing/backends.node';
import { createOptimizer } from './createOptimizer';
import { makeOptimizerSpec } from './optimizerSpec';
import { quadraticProblem } from './testProblems';

// f(w) = ½(w − c)ᵀA(w − c), ∇f = A(w − c).
const A = [
  [2, 0.5],
  [0.5, 1],
];
const C = [1, -1];

describeEachBackend('Adam', () => {
  it('takes the hand-computed first two steps', () => {
    const opt = createOptimizer(
      makeOptimizerSpec({ kind: 'adam', lr: 0.1 }),
      quadraticProblem(A, C),
      Float32Array.from([0.3, 0.7]),
      { seed: 0 },
    );
    // Step 1: g₁ = A(w₀ − c) = (−0.55, 1.35); m̂ = g₁, v̂ = g₁², so w₁ = w₀ − η·sign(g₁).
    opt.step();
    const [a1, b1] = opt.params().dataSync();
    expect(a1).toBeCloseTo(0.4, 6);
    expect(b1).toBeCloseTo(0.6, 6);
    // Step 2: g₂ = A(w₁ − c) = (−0.4, 1.3); m₂ = 0.9·0.1·g₁ + 0.1·g₂, v₂ = 0.999·0.001·g₁² + 0.001·g₂²,
    // w₂ = w₁ − η (m₂/(1 − 0.9²)) / (√(v₂/(1 − 0.999²)) + 1e-8).
    const g1 = [-0.55, 1.35];
    const g2 = [-0.4, 1.3];
    const want = [0.4, 0.6].map((w, i) => {
      const m = (0.09 * g1[i]! + 0.1 * g2[i]!) / (1 - 0.9 ** 2);
      const v = (0.000999 * g1[i]! ** 2 + 0.001 * g2[i]! ** 2) / (1 - 0.999 ** 2);
      return w - (0.1 * m) / (Math.sqrt(v) + 1e-8);
    });
    expect(want[0]).toBeCloseTo(0.497963, 6);
    expect(want[1]).toBeCloseTo(0.500116, 6);
    opt.step();
    const [a2, b2] = opt.params().dataSync();
    expect(a2).toBeCloseTo(want[0]!, 6);
    expect(b2).toBeCloseTo(want[1]!, 6);
    expect(opt.steps).toBe(2);
    expect(opt.gradEvals).toBe(2);
    opt.dispose();
  });

  it('matches a float64 Adam with L2 weight decay for 8 steps', () => {
    const spec = makeOptimizerSpec({ kind: 'adam', lr: 0.05, weightDecay: 0.3 });
    const opt = createOptimizer(spec, quadraticProblem(A, C), Float32Array.from([0.3, 0.7]), {
      seed: 0,
    });
    let w = [0.3, 0.7];
    let m = [0, 0];
    let v = [0, 0];
    for (let t = 1; t <= 8; t++) {
      const r = w.map((wi, i) => wi - C[i]!);
      const g = A.map((row, i) => row[0]! * r[0]! + row[1]! * r[1]! + 0.3 * w[i]!);
      m = m.map((mi, i) => 0.9 * mi + 0.1 * g[i]!);
      v = v.map((vi, i) => 0.999 * vi + 0.001 * g[i]! ** 2);
      w = w.map((wi, i) => {
        const mHat = m[i]! / (1 - 0.9 ** t);
        const vHat = v[i]! / (1 - 0.999 ** t);
        return wi - (0.05 * mHat) / (Math.sqrt(vHat) + 1e-8);
      });
      opt.step();
      const got = opt.params().dataSync();
      expect(Math.abs(got[0]! - w[0]!)).toBeLessThan(2e-6);
      expect(Math.abs(got[1]! - w[1]!)).toBeLessThan(2e-6);
    }
    opt.dispose();
  });
});
