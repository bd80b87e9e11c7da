import { describe, expect, it } from 'vitest';
import { makeMlp } from '../models/mlp';
import { createRng } from '../random';
import { norm } from '../linalg/vector';
import { filterNormalizedDirection } from './filterNormalizedDirection';
import { planeFromDirections, pointOnPlane, projectOntoPlane } from './plane';
import { planeThroughPoints } from './planeThroughPoints';
import { trajectoryPcaPlane } from './trajectoryPcaPlane';

const gaussian = (d: number, seed: number) => {
  const rng = createRng(seed, 'directions');
  return Float64Array.from({ length: d }, () => rng.normal());
};

describe('planeThroughPoints', () => {
  it('has orthonormal axes and contains the three points at their coordinates', () => {
    const [p0, p1, p2] = [gaussian(30, 1), gaussian(30, 2), gaussian(30, 3)];
    const plane = planeThroughPoints(p0, p1, p2);
    expect(norm(plane.u)).toBeCloseTo(1, 14);
    expect(norm(plane.v)).toBeCloseTo(1, 14);
    expect(plane.u.reduce((s, x, i) => s + x * plane.v[i]!, 0)).toBeCloseTo(0, 14);
    const points = [p0, p1, p2];
    const projected = projectOntoPlane(points, plane);
    plane.coordinates.forEach(([a, b], k) => {
      const w = pointOnPlane(plane, a, b);
      for (let i = 0; i < 30; i++) expect(Math.abs(w[i]! - points[k]![i]!)).toBeLessThan(1e-13);
      expect(projected[k]!.a).toBeCloseTo(a, 12);
      expect(projected[k]!.b).toBeCloseTo(b, 12);
      expect(projected[k]!.offPlane).toBeLessThan(1e-12);
    });
    expect(() =>
      planeThroughPoints(
        p0,
        p1,
        Float64Array.from(p0, (x, i) => 2 * p1[i]! - x),
      ),
    ).toThrow(/collinear/);
  });
});

describe('projectOntoPlane', () => {
  it('solves the normal equations for skew directions and measures the distance off the plane', () => {
    const plane = planeFromDirections([1, 1, 1, 1], [1, 1, 0, 0], [1, 0, 0, 0]);
    // p = origin + 2u − 3v + 5 e₄ (e₄ ⟂ u, v)
    const [r] = projectOntoPlane([[1 + 2 - 3, 1 + 2, 1, 1 + 5]], plane);
    expect(r!.a).toBeCloseTo(2, 14);
    expect(r!.b).toBeCloseTo(-3, 14);
    expect(r!.offPlane).toBeCloseTo(5, 14);
  });
});

describe('filterNormalizedDirection', () => {
  const model = makeMlp({
    inputDim: 4,
    hidden: [6],
    outputDim: 3,
    activation: 'relu',
    initScale: 1,
    labelKind: 'class',
  });
  const w = model.init(createRng(7, 'init'));
  for (let i = 0; i < w.length; i++) w[i]! += 0.1; // non-zero biases

  const unitNorm = (x: ArrayLike<number>, offset: number, rows: number, cols: number, j: number) =>
    Math.hypot(...Array.from({ length: rows }, (_, i) => x[offset + i * cols + j]!));

  it('gives each unit the norm of its weights and leaves biases unperturbed by default', () => {
    const d = filterNormalizedDirection(model.layout, w, createRng(8, 'directions'));
    for (const block of model.layout) {
      if (block.kind === 'bias') {
        for (let i = 0; i < block.size; i++) expect(d[block.offset + i]).toBe(0);
        continue;
      }
      const [rows = 0, cols = 0] = block.shape;
      for (let j = 0; j < cols; j++) {
        expect(unitNorm(d, block.offset, rows, cols, j)).toBeCloseTo(
          unitNorm(w, block.offset, rows, cols, j),
          12,
        );
      }
    }
  });

  it("includes a unit's bias in its norm with bias: 'unit'", () => {
    const d = filterNormalizedDirection(model.layout, w, createRng(8, 'directions'), {
      bias: 'unit',
    });
    const [W1, b1] = model.layout;
    const withBias = (x: ArrayLike<number>, j: number) =>
      Math.hypot(unitNorm(x, W1!.offset, 4, 6, j), x[b1!.offset + j]!);
    for (let j = 0; j < 6; j++) expect(withBias(d, j)).toBeCloseTo(withBias(w, j), 12);
  });

  it('follows a ReLU rescaling: layer 1 × c, layer 2 × 1/c scales the directions the same way', () => {
    const c = 7;
    const scaled = Float32Array.from(w);
    const [W1, b1, W2] = model.layout;
    for (let i = 0; i < W1!.size; i++) scaled[W1!.offset + i]! *= c;
    for (let i = 0; i < b1!.size; i++) scaled[b1!.offset + i]! *= c;
    for (let i = 0; i < W2!.size; i++) scaled[W2!.offset + i]! /= c;
    const d = filterNormalizedDirection(model.layout, w, createRng(9, 'directions'));
    const ds = filterNormalizedDirection(model.layout, scaled, createRng(9, 'directions'));
    for (let i = 0; i < W1!.size; i++) {
      expect(ds[W1!.offset + i]).toBeCloseTo(c * d[W1!.offset + i]!, 4);
    }
    for (let i = 0; i < W2!.size; i++) {
      expect(ds[W2!.offset + i]).toBeCloseTo(d[W2!.offset + i]! / c, 6);
    }
  });
});

describe('trajectoryPcaPlane', () => {
  it('recovers the plane of a planar trajectory, ending at its last point', () => {
    const [o, e1, e2] = [gaussian(50, 11), gaussian(50, 12), gaussian(50, 13)];
    const points = Array.from({ length: 12 }, (_, t) =>
      Float64Array.from(o, (x, i) => x + 3 * Math.cos(t / 3) * e1[i]! + Math.sin(t / 2) * e2[i]!),
    );
    const plane = trajectoryPcaPlane(points);
    expect(Array.from(plane.origin)).toEqual(Array.from(points[11]!));
    for (const p of projectOntoPlane(points, plane)) expect(p.offPlane).toBeLessThan(1e-10);
    const [first, second] = plane.explainedVariance;
    expect(first + second).toBeCloseTo(1, 12);
    expect(first).toBeGreaterThan(second);
  });
});
