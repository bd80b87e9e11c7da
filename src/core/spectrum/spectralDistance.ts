/**
 * How far an estimated spectral density is from the exact spectrum: the Wasserstein-1 distance
 * W₁(μ, ν) = ∫ |F_μ(t) − F_ν(t)| dt between the quadrature's measure μ = (1/n_v) Σ_v Σ_i τ_i²
 * δ(θ_i) and the exact ν = (1/D) Σ_j δ(λ_j) — the mass that must move, times how far. Unlike a
 * binned L1 distance it needs no grid and does not punish a node that lands next to its
 * eigenvalue; divided by λ_max − λ_min it is a fraction of the spectrum's width.
 */
import type { SpectralQuadrature } from './stochasticLanczosQuadrature';

/** W₁ between the quadrature's measure and the uniform measure on `eigenvalues`. */
export function spectralDistance(
  quadrature: SpectralQuadrature,
  eigenvalues: ArrayLike<number>,
): number {
  const atoms: [number, number][] = [];
  const probes = quadrature.rules.length;
  for (const rule of quadrature.rules) {
    rule.nodes.forEach((t, i) => atoms.push([t, rule.weights[i]! / probes]));
  }
  const d = eigenvalues.length;
  for (let j = 0; j < d; j++) atoms.push([eigenvalues[j]!, -1 / d]);
  atoms.sort((a, b) => a[0] - b[0]);
  // F_μ − F_ν is piecewise constant between consecutive atoms.
  let difference = 0;
  let distance = 0;
  for (let i = 0; i < atoms.length - 1; i++) {
    difference += atoms[i]![1];
    distance += Math.abs(difference) * (atoms[i + 1]![0] - atoms[i]![0]);
  }
  return distance;
}
