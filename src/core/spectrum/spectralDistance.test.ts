import { describe, expect, it } from 'vitest';
import { spectralDistance } from './spectralDistance';

const rule = (nodes: number[], weights: number[]) => ({
  nodes: Float64Array.from(nodes),
  weights: Float64Array.from(weights),
});

describe('spectralDistance', () => {
  it('is 0 when the quadrature puts the exact weights on the eigenvalues', () => {
    const q = { dim: 4, rules: [rule([1, 2, 3, 4], [0.25, 0.25, 0.25, 0.25])] };
    expect(spectralDistance(q, [1, 2, 3, 4])).toBeCloseTo(0, 12);
  });

  it('is the mass moved times the distance: half the mass 2 away costs 1', () => {
    // μ = ½δ(0) + ½δ(2), ν = δ(0) (two eigenvalues at 0): move ½ by 2.
    const q = { dim: 2, rules: [rule([0, 2], [0.5, 0.5])] };
    expect(spectralDistance(q, [0, 0])).toBeCloseTo(1, 12);
  });

  it('averages the probes: two rules that miss in opposite directions', () => {
    // Rules δ(−1) and δ(1) average to ½δ(−1) + ½δ(1); ν = δ(0): W₁ = 1.
    const q = { dim: 1, rules: [rule([-1], [1]), rule([1], [1])] };
    expect(spectralDistance(q, [0])).toBeCloseTo(1, 12);
    // A shift of the whole measure by s costs s.
    const shifted = { dim: 3, rules: [rule([1.5, 2.5, 3.5], [1 / 3, 1 / 3, 1 / 3])] };
    expect(spectralDistance(shifted, [1, 2, 3])).toBeCloseTo(0.5, 12);
  });
});
