/**
 * A smooth spectral density from quadrature rules: each node becomes a Gaussian bump, as in
 * PyHessian/Ghorbani et al., integrated exactly over the bins of the evaluation grid.
 */
import { erf } from '../stats/errorFunction';
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

/**
 * The p-quantile of the quadrature's spectral measure (1/n_v) Σ_v Σ_i τ_{v,i}² δ(t − θ_{v,i}): the
 * smallest node whose cumulative weight reaches p. With p = 1/2 it is the bulk's median that
 * `countOutliers` needs when only the top Ritz values are known.
 */
export function quadratureQuantile(q: SpectralQuadrature, p: number): number {
  const points: [number, number][] = [];
  for (const r of q.rules) {
    for (let i = 0; i < r.nodes.length; i++) {
      points.push([r.nodes[i]!, r.weights[i]! / q.rules.length]);
    }
  }
  points.sort((a, b) => a[0] - b[0]);
  let total = 0;
  for (const [, w] of points) total += w;
  let cumulative = 0;
  for (const [node, w] of points) {
    cumulative += w;
    if (cumulative >= p * total) return node;
  }
  return points.at(-1)?.[0] ?? Number.NaN;
}

/** The default kernel variance σ² = 10⁻⁵ · max(1, λmax − λmin) (Ghorbani et al. 2019). */
export function defaultKernelVariance(q: SpectralQuadrature): number {
  const { min, max } = quadratureRange(q);
  return 1e-5 * Math.max(1, max - min);
}

/**
 * `points` equally spaced abscissae covering [λmin − pad, λmax + pad], pad = 1% of the range plus
 * 5 kernel widths: the centres of the density's bins (see `slqDensity`).
 */
export function densityGrid(q: SpectralQuadrature, points = 2001, variance?: number): Float64Array {
  const { min, max } = quadratureRange(q);
  const sigma = Math.sqrt(variance ?? defaultKernelVariance(q));
  const pad = 0.01 * (max - min) + 5 * sigma;
  const lo = min - pad;
  const step = (max + pad - lo) / (points - 1);
  return Float64Array.from({ length: points }, (_, i) => lo + i * step);
}

/** Beyond this many kernel widths a node's Gaussian puts no mass (Φ(−9) ≈ 1e-19). */
const KERNEL_REACH = 9;

/**
 * φ(t) = (1/n_v) Σ_v Σ_i τ_{v,i}² · N(t; θ_{v,i}, σ²), averaged over each bin of `grid`: the grid
 * (ascending, equally spaced) holds the bins' centres, and each node puts into a bin its exact
 * Gaussian mass τ²·(Φ((b⁺ − θ)/σ) − Φ((b⁻ − θ)/σ)), divided by the bin's width. Point samples of
 * the kernel would alias once σ is narrower than a bin (σ ∝ √range, bins ∝ range): a node's
 * apparent mass would then depend on where it falls between grid points, and an outlier of mass
 * 1/D could vanish between analyses. Bin masses keep every node's mass whatever the bin width;
 * the result is then scaled so that Σ φ·h = 1 (it already is, up to the tails past the grid).
 *
 * @param variance σ² of the Gaussian kernel (default `defaultKernelVariance`)
 * @returns density values, shape [grid.length]
 */
export function slqDensity(
  q: SpectralQuadrature,
  grid: ArrayLike<number>,
  variance: number = defaultKernelVariance(q),
): Float64Array {
  const n = grid.length;
  const out = new Float64Array(n);
  if (n === 0) return out;
  const h = n > 1 ? grid[1]! - grid[0]! : 1;
  const lo = grid[0]! - h / 2;
  const sigma = Math.sqrt(variance);
  const scale = 1 / (Math.SQRT2 * sigma);
  for (const rule of q.rules) {
    for (let i = 0; i < rule.nodes.length; i++) {
      const theta = rule.nodes[i]!;
      const w = rule.weights[i]! / (2 * q.rules.length);
      // Bins j whose edges lo + j·h … lo + (j + 1)·h meet the kernel's reach.
      const first = Math.max(0, Math.floor((theta - KERNEL_REACH * sigma - lo) / h));
      const last = Math.min(n - 1, Math.floor((theta + KERNEL_REACH * sigma - lo) / h));
      let below = erf((lo + first * h - theta) * scale);
      for (let j = first; j <= last; j++) {
        const above = erf((lo + (j + 1) * h - theta) * scale);
        out[j]! += w * (above - below);
        below = above;
      }
    }
  }
  // out holds bin masses; a density is mass per width, scaled to a total mass of 1.
  let mass = 0;
  for (let j = 0; j < n; j++) mass += out[j]!;
  const toDensity = mass > 0 ? 1 / (mass * h) : 0;
  for (let j = 0; j < n; j++) out[j]! *= toDensity;
  return out;
}

/**
 * ∫ φ dt over the bins of `grid` (equally spaced centres) whose centres lie in [from, to]: the
 * mass the density gives that interval, Σ φ_j·h.
 */
export function binIntegral(
  grid: ArrayLike<number>,
  density: ArrayLike<number>,
  from = -Infinity,
  to = Infinity,
): number {
  const h = grid.length > 1 ? grid[1]! - grid[0]! : 1;
  let s = 0;
  for (let j = 0; j < grid.length; j++) if (grid[j]! >= from && grid[j]! <= to) s += density[j]!;
  return s * h;
}
