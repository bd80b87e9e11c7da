// tfjs-core registers no gradients by itself (the union package does); the harness installs only
// the second-order fixes, after these imports have run. Core's main entry must load first: in Node
// it is a separate (CommonJS) copy, and the first copy loaded creates the engine and its tensors.
import '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { describeEachBackend } from '../../testing/backends.node';
import { euclideanNorm } from './constrain';
import { createOptimizer } from './createOptimizer';
import { makeOptimizerSpec } from './optimizerSpec';
import type { SgdSpec } from './optimizerSpec';
import { learningRateAt } from './schedules';
import { quadraticProblem } from './testProblems';

// f(w) = ½(w − c)ᵀA(w − c) in 2-D: ∇f = A(w − c).
const A = [
  [2, 0.5],
  [0.5, 1],
];
const C = [1, -1];
const W0 = [0.3, 0.7];

/** PyTorch's SGD in float64, written out: d = g + λw; v ← μv + d; d ← d + μv or v; w ← w − ηd. */
function referenceSgd(spec: SgdSpec, steps: number): number[][] {
  let w = [...W0];
  let v = [0, 0];
  const out: number[][] = [];
  for (let t = 0; t < steps; t++) {
    const r = w.map((wi, i) => wi - C[i]!);
    const g = A.map((row) => row[0]! * r[0]! + row[1]! * r[1]!);
    let d = g.map((gi, i) => gi + spec.weightDecay * w[i]!);
    if (spec.momentum > 0) {
      v = v.map((vi, i) => spec.momentum * vi + d[i]!);
      d = spec.nesterov ? d.map((di, i) => di + spec.momentum * v[i]!) : v;
    }
    const lr = learningRateAt(spec.lrSchedule, spec.lr, t);
    w = w.map((wi, i) => wi - lr * d[i]!);
    out.push(w);
  }
  return out;
}

function run(spec: SgdSpec, steps: number): number[][] {
  const problem = quadraticProblem(A, C);
  const opt = createOptimizer(spec, problem, Float32Array.from(W0), { seed: 0 });
  const out: number[][] = [];
  for (let t = 0; t < steps; t++) {
    opt.step();
    out.push(Array.from(opt.params().dataSync()));
  }
  expect(opt.gradEvals).toBe(steps);
  expect(problem.batchesServed).toBe(steps);
  opt.dispose();
  return out;
}

describe('learningRateAt', () => {
  it('follows the step and cosine formulas', () => {
    const step = { kind: 'step', every: 10, factor: 0.5 } as const;
    expect([0, 9, 10, 25].map((t) => learningRateAt(step, 0.2, t))).toEqual([0.2, 0.2, 0.1, 0.05]);
    const cosine = { kind: 'cosine', total: 100, minFactor: 0.1 } as const;
    expect(learningRateAt(cosine, 1, 0)).toBeCloseTo(1, 12);
    expect(learningRateAt(cosine, 1, 50)).toBeCloseTo(0.55, 12);
    expect(learningRateAt(cosine, 1, 100)).toBeCloseTo(0.1, 12);
    expect(learningRateAt(cosine, 1, 500)).toBeCloseTo(0.1, 12);
  });
});

describeEachBackend('SGD', () => {
  it('takes the hand-computed first step w − ηA(w − c)', () => {
    // w − c = (−0.7, 1.7), g = (−1.4 + 0.85, −0.35 + 1.7) = (−0.55, 1.35), η = 0.1.
    const [w1] = run(makeOptimizerSpec({ kind: 'sgd', lr: 0.1 }), 1);
    expect(w1![0]).toBeCloseTo(0.355, 6);
    expect(w1![1]).toBeCloseTo(0.565, 6);
  });

  const variants: [string, Partial<SgdSpec>][] = [
    ['plain', {}],
    ['momentum 0.9', { momentum: 0.9 }],
    ['Nesterov 0.9', { momentum: 0.9, nesterov: true }],
    ['weight decay 0.1 + momentum', { momentum: 0.9, weightDecay: 0.1 }],
    [
      'step schedule + Nesterov',
      { momentum: 0.9, nesterov: true, lrSchedule: { kind: 'step', every: 3, factor: 0.5 } },
    ],
    ['cosine schedule', { lrSchedule: { kind: 'cosine', total: 8, minFactor: 0 } }],
  ];
  for (const [name, overrides] of variants) {
    it(`matches the float64 reference for 10 steps: ${name}`, () => {
      const spec = makeOptimizerSpec({ kind: 'sgd', lr: 0.15, ...overrides });
      const got = run(spec, 10);
      const want = referenceSgd(spec, 10);
      for (let t = 0; t < 10; t++) {
        for (let i = 0; i < 2; i++) expect(Math.abs(got[t]![i]! - want[t]![i]!)).toBeLessThan(2e-6);
      }
    });
  }

  it('rescales w to the growing target norm n0(1 + rate)^t after each step', () => {
    const spec = makeOptimizerSpec({ kind: 'sgd', normSchedule: { kind: 'grow', rate: 0.01 } });
    const n0 = Math.hypot(...W0);
    const got = run(spec, 5);
    got.forEach((w, t) => expect(Math.hypot(...w)).toBeCloseTo(n0 * 1.01 ** (t + 1), 5));
    const fixed = run(
      makeOptimizerSpec({ ...spec, normSchedule: { kind: 'grow', rate: 0, n0: 2 } }),
      3,
    );
    for (const w of fixed) expect(Math.hypot(...w)).toBeCloseTo(2, 5);
  });

  it("applies the problem's projection after each step", () => {
    const toSphere = (w: tf.Tensor1D): tf.Tensor1D => tf.div(w, euclideanNorm(w));
    const problem = quadraticProblem(A, C, toSphere);
    const opt = createOptimizer(
      makeOptimizerSpec({ kind: 'sgd' }),
      problem,
      Float32Array.from(W0),
      {
        seed: 0,
      },
    );
    for (let t = 0; t < 3; t++) {
      opt.step();
      expect(euclideanNorm(opt.params()).dataSync()[0]).toBeCloseTo(1, 6);
    }
    opt.dispose();
  });

  it('keeps stepping through NaN without throwing', () => {
    const opt = createOptimizer(
      makeOptimizerSpec({ kind: 'sgd' }),
      quadraticProblem(A, C),
      Float32Array.from([NaN, 0]),
      { seed: 0 },
    );
    expect(() => opt.step()).not.toThrow();
    expect(Number.isNaN(opt.params().dataSync()[0])).toBe(true);
    opt.dispose();
  });
});
