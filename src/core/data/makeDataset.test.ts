import { describe, expect, it } from 'vitest';
import type { Dataset, Split } from '../types';
import { DATASET_KINDS, defaultDatasetSpec } from './datasetSpec';
import type { DatasetSpec } from './datasetSpec';
import { classMeans, flipLabels } from './gaussianMixture';
import { makeDataset } from './makeDataset';
import { toSignLabels } from './signLabels';
import { createRng } from '../random';

const sampled = DATASET_KINDS.filter((k) => k !== 'mnist').map((k) => defaultDatasetSpec(k));

/** Element-wise equality, fast on large typed arrays (vitest's deep equality is slow there). */
function same(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function labelCounts(split: Split): Map<number, number> {
  const counts = new Map<number, number>();
  for (const y of split.y) counts.set(y, (counts.get(y) ?? 0) + 1);
  return counts;
}

describe('makeDataset', () => {
  it.each(sampled.map((s) => [s.kind, s] as const))(
    '%s: same seed ⇒ identical arrays, other seed ⇒ different',
    (_kind, spec: DatasetSpec) => {
      const a = makeDataset(spec, 11);
      const b = makeDataset(spec, 11);
      const c = makeDataset(spec, 12);
      expect(same(b.train.x, a.train.x)).toBe(true);
      expect(same(b.train.y, a.train.y)).toBe(true);
      expect(same(b.test.x, a.test.x)).toBe(true);
      expect(same(b.test.y, a.test.y)).toBe(true);
      expect(same(c.train.x, a.train.x)).toBe(false);
    },
  );

  it.each(sampled.map((s) => [s.kind, s] as const))(
    '%s: shapes and label sets agree with the spec',
    (_kind, spec: DatasetSpec) => {
      const d: Dataset = makeDataset(spec, 1);
      for (const split of [d.train, d.test]) {
        expect(split.x.length).toBe(split.count * d.inputDim);
        expect(split.y.length).toBe(split.count);
        expect(split.x.every(Number.isFinite)).toBe(true);
        const allowed = d.labelKind === 'sign' ? [-1, 1] : [...Array(d.classes).keys()];
        for (const y of split.y) expect(allowed).toContain(y);
      }
      if ('train' in spec) expect(d.train.count).toBe(spec.train);
      if ('test' in spec) expect(d.test.count).toBe(spec.test);
    },
  );

  it('2-D toys and the mixture have exactly balanced training labels', () => {
    for (const kind of ['spiral', 'moons', 'circles', 'xor', 'gaussianMixture'] as const) {
      const d = makeDataset({ ...defaultDatasetSpec(kind), train: 400 }, 3);
      const counts = labelCounts(d.train);
      expect(counts.size).toBe(d.classes);
      for (const c of counts.values()) expect(c).toBe(400 / d.classes);
    }
  });

  it('xor labels are the sign of x₁x₂ without noise', () => {
    const d = makeDataset({ ...defaultDatasetSpec('xor'), noise: 0 }, 2);
    for (let i = 0; i < d.train.count; i++) {
      const product = (d.train.x[2 * i] ?? 0) * (d.train.x[2 * i + 1] ?? 0);
      expect(d.train.y[i]).toBe(product > 0 ? 1 : 0);
    }
  });

  it('random patterns: P = αN ±1 patterns, balanced ±1 labels, no test split', () => {
    const d = makeDataset({ kind: 'randomPatterns', n: 200, alpha: 2 }, 4);
    expect(d.train.count).toBe(400);
    expect(d.test.count).toBe(0);
    expect(d.train.x.every((v) => v === 1 || v === -1)).toBe(true);
    const plus = d.train.y.filter((y) => y === 1).length;
    expect(Math.abs(plus - 200)).toBeLessThan(3 * 10); // 3σ of Binomial(400, ½)
  });

  it('teacher–student: a linear teacher separates train and test alike', () => {
    const d = makeDataset({ kind: 'teacherStudent', n: 51, alpha: 1, test: 300 }, 5);
    // A least-squares fit of the labels is not needed: the labels must be linearly separable, so
    // the perceptron rule converges on train ∪ test (Novikoff); check it reaches zero errors.
    const n = d.inputDim;
    const rows: { x: Float32Array; y: number }[] = [];
    for (const s of [d.train, d.test]) {
      for (let i = 0; i < s.count; i++)
        rows.push({ x: s.x.subarray(i * n, (i + 1) * n), y: s.y[i] ?? 0 });
    }
    const w = new Float64Array(n);
    let errors = rows.length;
    for (let epoch = 0; epoch < 2000 && errors > 0; epoch++) {
      errors = 0;
      for (const { x, y } of rows) {
        let h = 0;
        for (let j = 0; j < n; j++) h += (w[j] ?? 0) * (x[j] ?? 0);
        if (y * h <= 0) {
          errors++;
          for (let j = 0; j < n; j++) w[j] = (w[j] ?? 0) + y * (x[j] ?? 0);
        }
      }
    }
    expect(errors).toBe(0);
  });

  it('Gaussian mixture: class means of norm s; class averages recover them (+ shift)', () => {
    const means = classMeans(createRng(9, 'data'), 4, 30, 3);
    for (let c = 0; c < 4; c++) {
      const m = means.subarray(c * 30, (c + 1) * 30);
      expect(Math.hypot(...m)).toBeCloseTo(3, 5);
    }
    const spec = {
      ...defaultDatasetSpec('gaussianMixture'),
      dim: 10,
      classes: 3,
      train: 6000,
      test: 0,
      shift: 1,
    };
    const d = makeDataset(spec, 9);
    const recovered = new Float64Array(3 * 10);
    for (let i = 0; i < d.train.count; i++) {
      const c = d.train.y[i] ?? 0;
      for (let j = 0; j < 10; j++)
        recovered[c * 10 + j] = (recovered[c * 10 + j] ?? 0) + (d.train.x[i * 10 + j] ?? 0) / 2000;
    }
    for (let c = 0; c < 3; c++) {
      let norm2 = 0;
      for (let j = 0; j < 10; j++) norm2 += ((recovered[c * 10 + j] ?? 0) - 1) ** 2;
      // ‖mean − shift‖ ≈ s, with sampling error ≈ √(d/2000) ≈ 0.07.
      expect(Math.abs(Math.sqrt(norm2) - 3)).toBeLessThan(0.25);
    }
  });

  it('label noise flips exactly round(f·P) training labels to a different class', () => {
    const labels = Int32Array.from({ length: 1000 }, (_, i) => i % 4);
    const noisy = flipLabels(createRng(1, 'data'), labels, 4, 0.2);
    let changed = 0;
    for (let i = 0; i < 1000; i++) if (noisy[i] !== labels[i]) changed++;
    expect(changed).toBe(200);
    const clean = makeDataset({ ...defaultDatasetSpec('gaussianMixture'), labelNoise: 0 }, 8);
    const dirty = makeDataset({ ...defaultDatasetSpec('gaussianMixture'), labelNoise: 0.1 }, 8);
    expect(same(dirty.train.x, clean.train.x)).toBe(true);
    expect(same(dirty.test.y, clean.test.y)).toBe(true);
    let flipped = 0;
    for (let i = 0; i < clean.train.count; i++)
      if (dirty.train.y[i] !== clean.train.y[i]) flipped++;
    expect(flipped).toBe(Math.round(0.1 * clean.train.count));
  });

  it('spiral label noise flips training labels only, leaving the points and the test set as they were', () => {
    const clean = makeDataset(defaultDatasetSpec('spiral'), 3);
    const dirty = makeDataset({ ...defaultDatasetSpec('spiral'), labelNoise: 0.2 }, 3);
    expect(same(dirty.train.x, clean.train.x)).toBe(true);
    expect(same(dirty.test.x, clean.test.x)).toBe(true);
    expect(same(dirty.test.y, clean.test.y)).toBe(true);
    let flipped = 0;
    for (let i = 0; i < clean.train.count; i++)
      if (dirty.train.y[i] !== clean.train.y[i]) flipped++;
    expect(flipped).toBe(Math.round(0.2 * clean.train.count));
  });

  it('toSignLabels maps classes 0/1 to −1/+1 and refuses more classes', () => {
    const d = toSignLabels(makeDataset(defaultDatasetSpec('moons'), 1));
    expect(d.labelKind).toBe('sign');
    expect(new Set(d.train.y)).toEqual(new Set([-1, 1]));
    expect(() => toSignLabels(makeDataset(defaultDatasetSpec('gaussianMixture'), 1))).toThrow();
  });
});
