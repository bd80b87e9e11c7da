import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import type { Rng } from '../types';
import {
  dot,
  gaussian,
  normalizeInPlace,
  orthogonalizeInPlace,
  reorthogonalizeInPlace,
} from './vector';

/** `count` orthonormal vectors of length `dim`, Gram–Schmidt on Gaussian draws. */
function orthonormalBasis(dim: number, count: number, rng: Rng): Float64Array[] {
  const basis: Float64Array[] = [];
  for (let k = 0; k < count; k++) {
    const q = gaussian(dim, rng);
    orthogonalizeInPlace(q, basis);
    normalizeInPlace(q);
    basis.push(q);
  }
  return basis;
}

describe('orthogonalizeInPlace', () => {
  const rng = createRng(3, 'probes');
  const dim = 97;
  const basis = orthonormalBasis(dim, 12, rng);

  it('leaves x orthogonal to the basis, to rounding', () => {
    const x = gaussian(dim, rng);
    orthogonalizeInPlace(x, basis);
    for (const q of basis) expect(Math.abs(dot(q, x))).toBeLessThan(1e-14);
  });

  it('computes on float64 bases what q ↦ x − (q·x) q, one q after another, gives, to rounding', () => {
    const x = gaussian(dim, rng);
    const fast = Float64Array.from(x);
    orthogonalizeInPlace(fast, basis);
    // Plain arrays take the generic dot/axpy path: the reference. The fast sweep sums each dot
    // product in four partial sums, so it agrees to rounding, not bit for bit.
    const generic = Float64Array.from(x);
    orthogonalizeInPlace(
      generic,
      basis.map((q) => Array.from(q)),
    );
    const scale = Math.sqrt(dot(x, x));
    for (let i = 0; i < dim; i++)
      expect(Math.abs(fast[i]! - generic[i]!)).toBeLessThan(1e-14 * scale);
    expect(Array.from(fast)).not.toEqual(Array.from(x));
    const none = Float64Array.from(x);
    orthogonalizeInPlace(none, []);
    expect(none).toEqual(x);
  });
});

describe('reorthogonalizeInPlace', () => {
  const rng = createRng(5, 'probes');
  const dim = 211;
  const basis = orthonormalBasis(dim, 30, rng);
  const worst = (x: Float64Array) => Math.max(...basis.map((q) => Math.abs(dot(q, x))));

  it('takes one pass when little cancels, and leaves x orthogonal to rounding', () => {
    // A residual like Lanczos's: mostly new, with components 1e-6 along the basis.
    const x = gaussian(dim, rng);
    orthogonalizeInPlace(x, basis);
    basis.forEach((q, k) => {
      for (let i = 0; i < dim; i++) x[i]! += 1e-6 * (k % 3) * q[i]!;
    });
    const { norm: after, passes } = reorthogonalizeInPlace(x, basis);
    expect(passes).toBe(1);
    expect(after).toBeCloseTo(Math.sqrt(dot(x, x)), 14);
    expect(worst(x) / after).toBeLessThan(1e-15);
  });

  it('takes a second pass when x nearly lies in the span, as one pass leaves it far from orthogonal', () => {
    const inSpan = (): Float64Array => {
      const x = gaussian(dim, rng);
      orthogonalizeInPlace(x, basis);
      for (let i = 0; i < dim; i++) x[i]! *= 1e-12;
      basis.forEach((q) => {
        for (let i = 0; i < dim; i++) x[i]! += q[i]!;
      });
      return x;
    };
    const once = inSpan();
    for (const q of basis) {
      const c = dot(q, once);
      for (let i = 0; i < dim; i++) once[i]! -= c * q[i]!;
    }
    // One pass leaves rounding of the removed part (≈ 1e-16 · √30), large against what remains.
    expect(worst(once) / Math.sqrt(dot(once, once))).toBeGreaterThan(1e-6);
    const x = inSpan();
    const { norm: after, passes } = reorthogonalizeInPlace(x, basis);
    expect(passes).toBe(2);
    expect(worst(x) / after).toBeLessThan(1e-12);
  });

  it('does nothing against an empty basis', () => {
    const x = gaussian(dim, rng);
    const copy = Float64Array.from(x);
    expect(reorthogonalizeInPlace(x, [])).toEqual({ norm: Math.sqrt(dot(copy, copy)), passes: 0 });
    expect(x).toEqual(copy);
  });
});
