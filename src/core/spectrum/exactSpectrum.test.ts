import { describe, expect, it } from 'vitest';
import { CancelledError } from '../cancel';
import { matrixWithSpectrum } from '../linalg/testMatrices.node';
import type { LinearOperator } from '../linalg/linearOperator';
import { denseOperator } from '../linalg/linearOperator';
import { exactSpectrum } from './exactSpectrum';

describe('exactSpectrum', () => {
  const values = Array.from({ length: 40 }, (_, i) => i - 20 + (i === 39 ? 100 : 0));
  const a = matrixWithSpectrum(values, 41);

  it('builds the matrix from D applications, symmetrizes it and returns the ascending spectrum', async () => {
    // a slightly asymmetric operator, as float32 Hessian–vector products give
    const skewed = Float64Array.from(a, (x, i) => x + (i % 41 === 1 ? 1e-7 : 0));
    let applications = 0;
    const inner = denseOperator(skewed, 40);
    const op: LinearOperator = { dim: 40, apply: (v) => (applications++, inner.apply(v)) };
    const progress: number[] = [];
    const s = await exactSpectrum(op, { onProgress: (f) => progress.push(f) });
    expect(applications).toBe(40);
    expect(s.asymmetry).toBeCloseTo(1e-7, 12);
    const sorted = [...values].sort((x, y) => x - y);
    for (let i = 0; i < 40; i++) expect(Math.abs(s.values[i]! - sorted[i]!)).toBeLessThan(1e-6);
    expect(s.vectors.length).toBe(1600);
    expect(progress.at(-1)).toBe(1);
    expect(progress[39]).toBeCloseTo(0.5, 12);
  });

  it('rejects with CancelledError when aborted', async () => {
    const signal = { aborted: false };
    const run = exactSpectrum(denseOperator(a, 40), {
      signal,
      onProgress: (f) => void (f > 0.25 && (signal.aborted = true)),
    });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
  });
});
