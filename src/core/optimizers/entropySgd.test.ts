// tfjs-core registers no gradients by itself (the union package does); the harness installs only
// the second-order fixes, after these imports have run. Core's main entry must load first: in Node
// it is a separate (CommonJS) copy, and the first copy loaded creates the engine and its tensors.
import '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { describeEachBackend } from '../../testing/backends.node';
import type { TrainingProblem } from '../types';
import { createOptimizer } from './createOptimizer';
import { makeOptimizerSpec } from './optimizerSpec';
import type { EntropySgdSpec } from './optimizerSpec';
import { quadraticProblem } from './testProblems';

// f(x) = ½xᵀAx, A symmetric positive definite (eigenvalues ≈ 0.6, 1.6, 3.3).
const A = [
  [2, 0.5, 0.3],
  [0.5, 1.5, -0.4],
  [0.3, -0.4, 2],
];
const ZERO = [0, 0, 0];
const X0 = [0.8, -1.1, 0.5];
const GAMMA = 1;

/** A(A + γI)⁻¹x in float64, by Gaussian elimination of (A + γI)z = x, then Az. */
function localEntropyGap(x: readonly number[]): number[] {
  const n = x.length;
  const m = A.map((row, i) => [...row.map((a, j) => a + (i === j ? GAMMA : 0)), x[i]!]);
  for (let k = 0; k < n; k++) {
    for (let i = k + 1; i < n; i++) {
      const f = m[i]![k]! / m[k]![k]!;
      for (let j = k; j <= n; j++) m[i]![j]! -= f * m[k]![j]!;
    }
  }
  const z = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = m[i]![n]!;
    for (let j = i + 1; j < n; j++) s -= m[i]![j]! * z[j]!;
    z[i] = s / m[i]![i]!;
  }
  return A.map((row) => row.reduce((s, a, j) => s + a * z[j]!, 0));
}

function oneOuterStep(spec: EntropySgdSpec): { gap: number[]; gradEvals: number; batches: number } {
  const problem = quadraticProblem(A, ZERO);
  const opt = createOptimizer(spec, problem, Float32Array.from(X0), { seed: 1 });
  opt.step();
  const x1 = opt.params().dataSync();
  const result = {
    gap: X0.map((x, i) => x - x1[i]!),
    gradEvals: opt.gradEvals,
    batches: problem.batchesServed,
  };
  opt.dispose();
  return result;
}

/** A problem with zero gradient everywhere: only the coupling and the noise move x'. */
function flatProblem(d: number): TrainingProblem {
  return {
    paramCount: d,
    loss: (w) => tf.mul(0, tf.sum(w)),
    nextBatch: () => ({ x: tf.zeros([1, 1]), y: tf.zeros([1]) }),
  };
}

describeEachBackend('Entropy-SGD', () => {
  // The plain Langevin loop (inner momentum 0): its fixed point is the textbook one.
  const exact = {
    noise: 0,
    gamma0: GAMMA,
    gamma1: 0,
    innerLr: 0.1,
    innerMomentum: 0,
    L: 200,
  } as const;

  it('inner Nesterov momentum (the reference default, ρ = 0.9): one outer step by hand, L = 2', () => {
    const [rho, eta, alpha] = [0.9, 0.1, 0.75];
    const spec = makeOptimizerSpec({
      kind: 'entropySgd',
      lr: 1,
      noise: 0,
      gamma0: GAMMA,
      gamma1: 0,
      innerLr: eta,
      L: 2,
    });
    expect(spec.innerMomentum).toBe(rho);
    const mul = (v: number[]) => A.map((row) => row.reduce((s, a, j) => s + a * v[j]!, 0));
    const x = X0;
    const ax = mul(x);
    // l = 1: m = Ax, direction Ax + ρm; no pull yet (x' = x).
    const x1 = x.map((xi, i) => xi - eta * (1 + rho) * ax[i]!);
    // l = 2: m = ρAx + Ax'₁, direction Ax'₁ + ρm, pull −γ(x − x'₁).
    const ax1 = mul(x1);
    const x2 = x1.map(
      (v, i) => v - eta * ((1 + rho) * ax1[i]! + rho * rho * ax[i]! - GAMMA * (x[i]! - v)),
    );
    const mu = x.map((xi, i) => alpha * (alpha * xi + (1 - alpha) * x1[i]!) + (1 - alpha) * x2[i]!);
    const want = x.map((xi, i) => xi - mu[i]!);
    const { gap } = oneOuterStep(spec);
    for (let i = 0; i < 3; i++) expect(Math.abs(gap[i]! - want[i]!)).toBeLessThan(1e-6);
    // Without the buffer the same step is measurably different.
    const plain = oneOuterStep({ ...spec, innerMomentum: 0 }).gap;
    expect(Math.max(...plain.map((g, i) => Math.abs(g - want[i]!)))).toBeGreaterThan(1e-2);
  });

  it("with inner momentum ρ the chain settles where ∇f/(1 − ρ) = γ(x − x'): x − μ → A(A + (1 − ρ)γI)⁻¹x", () => {
    const rho = 0.9;
    const spec = makeOptimizerSpec({
      kind: 'entropySgd',
      lr: 1,
      ...exact,
      innerMomentum: rho,
      gamma0: GAMMA / (1 - rho),
      innerLr: 0.05,
      L: 600,
    });
    const { gap } = oneOuterStep(spec);
    const want = localEntropyGap(X0);
    for (let i = 0; i < 3; i++) expect(Math.abs(gap[i]! - want[i]!)).toBeLessThan(1e-5);
  });

  it("'chaudhari2017' with η = 1 jumps to μ: x − μ → A(A + γI)⁻¹x (the inner loop's fixed point)", () => {
    const spec = makeOptimizerSpec({
      kind: 'entropySgd',
      variant: 'chaudhari2017',
      lr: 1,
      ...exact,
    });
    const { gap, gradEvals, batches } = oneOuterStep(spec);
    const want = localEntropyGap(X0);
    for (let i = 0; i < 3; i++) expect(Math.abs(gap[i]! - want[i]!)).toBeLessThan(1e-6);
    expect(gradEvals).toBe(201);
    expect(batches).toBe(200);
  });

  it("'scaled' steps by ηγ(x − μ)", () => {
    const spec = makeOptimizerSpec({ kind: 'entropySgd', variant: 'scaled', lr: 0.5, ...exact });
    const { gap, gradEvals } = oneOuterStep(spec);
    const want = localEntropyGap(X0).map((v) => 0.5 * GAMMA * v);
    for (let i = 0; i < 3; i++) expect(Math.abs(gap[i]! - want[i]!)).toBeLessThan(1e-6);
    expect(gradEvals).toBe(200);
  });

  it('is not at the fixed point after few inner steps (the tolerance above is meaningful)', () => {
    const spec = makeOptimizerSpec({ kind: 'entropySgd', lr: 1, ...exact, L: 5 });
    const { gap } = oneOuterStep(spec);
    const want = localEntropyGap(X0);
    expect(Math.max(...gap.map((g, i) => Math.abs(g - want[i]!)))).toBeGreaterThan(1e-2);
  });

  it("draws Langevin noise of standard deviation ε√(2η') per inner step, seeded per run", () => {
    const d = 4000;
    const spec = makeOptimizerSpec({
      kind: 'entropySgd',
      lr: 1,
      L: 1,
      alpha: 0,
      noise: 0.01,
      innerLr: 0.1,
      gamma0: 1e-6,
      gamma1: 0,
    });
    const displacement = (runIndex: number): Float32Array => {
      const opt = createOptimizer(spec, flatProblem(d), new Float32Array(d), { seed: 7, runIndex });
      opt.step();
      const x = opt.params().dataSync() as Float32Array;
      opt.dispose();
      return x;
    };
    const a = displacement(0);
    const mean = a.reduce((s, v) => s + v, 0) / d;
    const std = Math.sqrt(a.reduce((s, v) => s + v * v, 0) / d);
    expect(Math.abs(mean)).toBeLessThan(0.1 * std);
    expect(std / (0.01 * Math.sqrt(0.2))).toBeCloseTo(1, 1);
    expect(displacement(0)).toEqual(a);
    expect(displacement(1)).not.toEqual(a);
  });

  it("scopes γ_t = γ0(1 + γ1)^t, capped at γmax, or first at the stability limit η'γ = 0.9", () => {
    // One inner step from x' = x: x' = x − η'Ax, μ = x', pull = γ_t η' A x; x ← x − ηγ_t η' A x.
    const problem = quadraticProblem(A, ZERO);
    const cases = [
      { gammaMax: 1.5, innerLr: 0.1, gammas: [0.5, 1, 1.5, 1.5] },
      // η' = 0.25: the inner loop needs η'γ < 1, so γ is held at 0.9/0.25 = 3.6 < γmax.
      { gammaMax: 100, innerLr: 0.25, gammas: [0.5, 1, 2, 3.6, 3.6, 3.6] },
    ];
    for (const { gammaMax, innerLr, gammas } of cases) {
      const spec = makeOptimizerSpec({
        kind: 'entropySgd',
        variant: 'scaled',
        lr: 0.5,
        noise: 0,
        L: 1,
        alpha: 0,
        innerLr,
        innerMomentum: 0,
        gamma0: 0.5,
        gamma1: 1,
        gammaMax,
      });
      const opt = createOptimizer(spec, problem, Float32Array.from(X0), { seed: 0 });
      let x = [...X0];
      for (const gamma of gammas) {
        const ax = A.map((row) => row.reduce((s, a, j) => s + a * x[j]!, 0));
        x = x.map((xi, i) => xi - 0.5 * gamma * innerLr * ax[i]!);
        opt.step();
        const got = opt.params().dataSync();
        for (let i = 0; i < 3; i++) expect(Math.abs(got[i]! - x[i]!)).toBeLessThan(1e-6);
      }
      opt.dispose();
    }
  });

  it('scaled: an outer ηγ of 2.5 is stable — the step tends to η∇f, not to an overshoot of μ', async () => {
    // η = 0.5, λmax(A) ≈ 2.6: ηλmax ≈ 1.3 < 2, the SGD condition, though ηγ = 2.5 > 1.
    const spec = makeOptimizerSpec({
      kind: 'entropySgd',
      variant: 'scaled',
      lr: 0.5,
      noise: 0,
      L: 5,
      innerLr: 0.1,
      innerMomentum: 0,
      gamma0: 5,
      gamma1: 0,
      gammaMax: 5,
    });
    const opt = createOptimizer(spec, quadraticProblem(A, ZERO), Float32Array.from(X0), {
      seed: 0,
    });
    const norm = async () => Math.hypot(...(await opt.params().data()));
    const start = await norm();
    for (let t = 0; t < 100; t++) opt.step();
    expect(await norm()).toBeLessThan(1e-3 * start);
    opt.dispose();
  });
});
