import { describe, expect, it } from 'vitest';
import { binIntegral, defaultKernelVariance, densityGrid, slqDensity } from './slqDensity';
import type { SpectralQuadrature } from './stochasticLanczosQuadrature';

/**
 * One rule: a bulk of 30 equal nodes on [0, 0.6·range], and a single node of mass `mass` at
 * 0.8·range shifted by `offset` bins — far from the bulk, so its mass can be read off alone.
 */
function quadrature(range: number, mass: number, offset: number, points: number) {
  const bulk = Array.from({ length: 30 }, (_, i) => (0.6 * range * i) / 29);
  // The grid depends only on the extreme nodes: fix them first, then place the outlier in it.
  const ends: SpectralQuadrature = {
    dim: 100,
    rules: [{ nodes: Float64Array.of(0, range), weights: Float64Array.of(0.5, 0.5) }],
  };
  const grid = densityGrid(ends, points);
  const h = grid[1]! - grid[0]!;
  const j = Math.round((0.8 * range - grid[0]!) / h);
  const theta = grid[0]! + (j + offset) * h;
  const q: SpectralQuadrature = {
    dim: 100,
    rules: [
      {
        nodes: Float64Array.from([...bulk, theta, range]),
        weights: Float64Array.from([...bulk.map(() => (1 - 2 * mass) / 30), mass, mass]),
      },
    ],
  };
  return { q, grid, theta, h };
}

describe('slqDensity', () => {
  it('keeps a node’s mass to 1% for eigenvalue ranges 1–100 and any offset between bins', () => {
    for (const range of [1, 3, 10, 30, 50, 100]) {
      for (const offset of [-0.5, -0.31, 0, 0.17, 0.25, 0.49]) {
        const { q, grid, theta, h } = quadrature(range, 0.01, offset, 400);
        const density = slqDensity(q, grid);
        const sigma = Math.sqrt(defaultKernelVariance(q));
        const reach = 10 * sigma + 2 * h;
        expect(sigma).toBeLessThan(range > 2 ? h : Infinity);
        const mass = binIntegral(grid, density, theta - reach, theta + reach);
        expect(Math.abs(mass - 0.01) / 0.01, `range ${range}, offset ${offset}`).toBeLessThan(0.01);
      }
    }
  });

  it('has unit mass and matches a wide Gaussian’s point values when σ spans many bins', () => {
    const q: SpectralQuadrature = {
      dim: 10,
      rules: [{ nodes: Float64Array.of(0, 1), weights: Float64Array.of(0.25, 0.75) }],
    };
    const variance = 0.01;
    const grid = densityGrid(q, 2001, variance);
    const density = slqDensity(q, grid, variance);
    expect(binIntegral(grid, density)).toBeCloseTo(1, 10);
    const at = (t: number) =>
      (0.25 * Math.exp(-(t * t) / (2 * variance)) +
        0.75 * Math.exp(-((t - 1) ** 2) / (2 * variance))) /
      Math.sqrt(2 * Math.PI * variance);
    for (const j of [200, 700, 1000, 1500]) {
      expect(density[j]!).toBeCloseTo(at(grid[j]!), 3);
    }
  });
});
