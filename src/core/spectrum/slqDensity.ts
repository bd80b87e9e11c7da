/**
 * A smooth spectral density from quadrature rules: each node becomes a Gaussian bump, as in
 * PyHessian/Ghorbani et al., normalized to unit area on the evaluation grid.
 */
import type { SpectralQuadrature } from './stochasticLanczosQuadrature';

/** The smallest and largest node over all rules. */
export function quadratureRange(q: SpectralQuadrature): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const r of q.rules) {
    for (const x of r.nodes) {
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
  }
  return { min, max };
}

/** The default kernel variance σ² = 10⁻⁵ · max(1, λmax − λmin) (Ghorbani et al. 2019). */
export function defaultKernelVariance(q: SpectralQuadrature): number {
  const { min, max } = quadratureRange(q);
  return 1e-5 * Math.max(1, max - min);
}

/**
 * `points` equally spaced abscissae covering [λmin − pad, λmax + pad], pad = 1% of the range plus
 * 5 kernel widths — fine enough that a narrow kernel is resolved when `points` ≳ range/σ.
 */
export function densityGrid(q: SpectralQuadrature, points = 2001, variance?: number): Float64Array {
  const { min, max } = quadratureRange(q);
  const sigma = Math.sqrt(variance ?? defaultKernelVariance(q));
  const pad = 0.01 * (max - min) + 5 * sigma;
  const lo = min - pad;
  const step = (max + pad - lo) / (points - 1);
  return Float64Array.from({ length: points }, (_, i) => lo + i * step);
}

/**
 * φ(t) = (1/n_v) Σ_v Σ_i τ_{v,i}² · N(t; θ_{v,i}, σ²) at each t of `grid` (ascending), then
 * divided by its trapezoidal area over the grid so that it integrates to 1 there.
 *
 * @param variance σ² of the Gaussian kernel (default `defaultKernelVariance`)
 * @returns density values, shape [grid.length]
 */
export function slqDensity(
  q: SpectralQuadrature,
  grid: ArrayLike<number>,
  variance: number = defaultKernelVariance(q),
): Float64Array {
  const out = new Float64Array(grid.length);
  const inv2s2 = 1 / (2 * variance);
  const cutoff = 40 * variance;
  const norm = 1 / (q.rules.length * Math.sqrt(2 * Math.PI * variance));
  for (const rule of q.rules) {
    for (let i = 0; i < rule.nodes.length; i++) {
      const theta = rule.nodes[i]!;
      const w = rule.weights[i]! * norm;
      for (let g = 0; g < grid.length; g++) {
        const d2 = (grid[g]! - theta) ** 2;
        if (d2 < cutoff) out[g]! += w * Math.exp(-d2 * inv2s2);
      }
    }
  }
  const area = trapezoid(grid, out);
  if (area > 0) for (let g = 0; g < out.length; g++) out[g]! /= area;
  return out;
}

/** `∫ y dt` by the trapezoidal rule on the (ascending) abscissae t. */
export function trapezoid(t: ArrayLike<number>, y: ArrayLike<number>): number {
  let s = 0;
  for (let i = 1; i < t.length; i++) s += 0.5 * (t[i]! - t[i - 1]!) * (y[i]! + y[i - 1]!);
  return s;
}
