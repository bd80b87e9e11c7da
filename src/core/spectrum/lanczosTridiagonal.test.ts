import { describe, expect, it } from 'vitest';
import { operatorWithSpectrum } from '../linalg/testMatrices.node';
import { symmetricTridiagonalEigen } from '../linalg/tridiagonalEigen';
import { dot, gaussian } from '../linalg/vector';
import { createRng } from '../random';
import { lanczosTridiagonal } from './lanczosTridiagonal';

describe('lanczosTridiagonal', () => {
  // Well-separated top eigenvalues converge within a few dozen steps; from then on plain Lanczos
  // loses orthogonality and repeats them as "ghost" Ritz values (Paige). Re-orthogonalizing,
  // with a second pass only where the first cancelled much, must keep the basis orthonormal.
  const dim = 300;
  const values = Array.from({ length: dim }, (_, i) => (i < 290 ? i / 290 : 4 + (i - 290) * 3));
  const op = operatorWithSpectrum(values, 11);

  it('keeps the basis orthonormal to rounding over 150 steps, and finds each top eigenvalue once', async () => {
    const start = gaussian(dim, createRng(2, 'probes'));
    const t = await lanczosTridiagonal(op, start, { steps: 150 });
    let worst = 0;
    for (let a = 0; a < t.basis.length; a++)
      for (let b = 0; b <= a; b++)
        worst = Math.max(worst, Math.abs(dot(t.basis[a]!, t.basis[b]!) - (a === b ? 1 : 0)));
    expect(worst).toBeLessThan(1e-13);
    const ritz = symmetricTridiagonalEigen(t.alpha, t.beta, 'none').values;
    const top = Array.from(ritz.slice(-10)).reverse();
    const truth = values.slice(-10).reverse();
    top.forEach((theta, j) => expect(Math.abs(theta - truth[j]!)).toBeLessThan(1e-10));
    // No ghost: the 11th Ritz value is in the bulk, not a copy of λ = 4.
    expect(ritz[ritz.length - 11]!).toBeLessThan(1);
  });
});
