import { describe, expect, it } from 'vitest';
import { denseOperator } from '../linalg/linearOperator';
import { matrixWithSpectrum } from '../linalg/testMatrices.node';
import { dot } from '../linalg/vector';
import { randomHyperplane } from './randomHyperplane';
import { goldilocksMeasures, restrictedHessian } from './restrictedHessian';

describe('randomHyperplane', () => {
  it('has orthonormal columns when dense, and embed/project are adjoint', () => {
    const plane = randomHyperplane(300, 12, { seed: 1 });
    expect(plane.storage).toBe('dense');
    const cols = Array.from({ length: 12 }, (_, j) => plane.column(j));
    for (let i = 0; i < 12; i++) {
      for (let j = 0; j < 12; j++)
        expect(Math.abs(dot(cols[i]!, cols[j]!) - (i === j ? 1 : 0))).toBeLessThan(1e-6);
    }
    const phi = Float64Array.from({ length: 12 }, (_, j) => Math.sin(j));
    const g = Float64Array.from({ length: 300 }, (_, i) => Math.cos(i));
    expect(dot(plane.embed(phi), g)).toBeCloseTo(dot(phi, plane.project(g)), 10);
    // MᵀM φ = φ
    const back = plane.project(plane.embed(phi));
    for (let j = 0; j < 12; j++) expect(back[j]).toBeCloseTo(phi[j]!, 5);
  });

  it('streams unit columns from the seed above the memory limit, nearly orthogonal (~1/√D)', () => {
    const plane = randomHyperplane(20000, 8, { seed: 2, maxDenseEntries: 1000 });
    expect(plane.storage).toBe('streamed');
    expect(plane.dense).toBeUndefined();
    const c0 = plane.column(0);
    expect(dot(c0, c0)).toBeCloseTo(1, 12);
    expect(Array.from(plane.column(0))).toEqual(Array.from(c0));
    for (let j = 1; j < 8; j++)
      expect(Math.abs(dot(c0, plane.column(j)))).toBeLessThan(5 / Math.sqrt(20000));
  });
});

describe('restrictedHessian and goldilocksMeasures', () => {
  it('computes Mᵀ H M with d applications', async () => {
    const D = 40;
    const values = Array.from({ length: D }, (_, i) => i - 10);
    const h = matrixWithSpectrum(values, 3);
    const plane = randomHyperplane(D, 5, { seed: 4 });
    let applications = 0;
    const inner = denseOperator(h, D);
    const hd = await restrictedHessian(
      { dim: D, apply: (v) => (applications++, inner.apply(v)) },
      plane,
    );
    expect(applications).toBe(5);
    for (let i = 0; i < 5; i++) {
      for (let j = 0; j < 5; j++) {
        const hmj = await inner.apply(plane.column(j));
        expect(hd[i * 5 + j]).toBeCloseTo(dot(plane.column(i), hmj), 5);
      }
    }
  });

  it('gives √d and 1 for the identity, 0 and ½ for a symmetric indefinite spectrum', () => {
    const d = 9;
    const eye = Float64Array.from({ length: d * d }, (_, k) => (k % (d + 1) === 0 ? 1 : 0));
    const g = goldilocksMeasures(eye, d);
    expect(g.traceOverFrobenius).toBeCloseTo(3, 12);
    expect(g.positiveFraction).toBe(1);
    const sym = matrixWithSpectrum([-3, -2, -1, 1, 2, 3], 5);
    const s = goldilocksMeasures(sym, 6);
    expect(s.traceOverFrobenius).toBeCloseTo(0, 12);
    expect(s.positiveFraction).toBe(0.5);
  });
});
