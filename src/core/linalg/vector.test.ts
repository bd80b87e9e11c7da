import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { dot, gaussian, normalizeInPlace, orthogonalizeInPlace } from './vector';

describe('orthogonalizeInPlace', () => {
  const rng = createRng(3, 'probes');
  const dim = 97;
  const basis: Float64Array[] = [];
  for (let k = 0; k < 12; k++) {
    const q = gaussian(dim, rng);
    orthogonalizeInPlace(q, basis);
    normalizeInPlace(q);
    basis.push(q);
  }

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
