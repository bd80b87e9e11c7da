import { describe, expect, it } from 'vitest';
import { exactSpectrum } from './analysisFixtures.node';
import { floorDensity, histogram, outliersAbove, sharedBins } from './histogram';

describe('histogram', () => {
  it('shares bins across runs, padded by half a bin', () => {
    expect(sharedBins([[0, 1], [3]], 3)).toEqual({ lo: -0.5, hi: 3.5, count: 3 });
    expect(sharedBins([[NaN]], 3)).toBeNull();
    expect(sharedBins([[2, 2]], 4)).toEqual({ lo: 1.5, hi: 2.5, count: 4 });
  });

  it('counts every finite value once', () => {
    const s = exactSpectrum('sgd', 100, [4, 7, 9]);
    const bins = sharedBins([s.eigenvalues], 20);
    expect(bins).not.toBeNull();
    if (!bins) return;
    const counts = histogram(s.eigenvalues, bins);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(103);
    // The bulk [−0.1, 0.5] sits in the first two bins; the three outliers each alone.
    expect((counts[0] ?? 0) + (counts[1] ?? 0)).toBe(100);
    expect(counts[19]).toBe(1);
  });

  it('puts a value on a bin edge in the upper bin, and the top edge in the last bin', () => {
    expect(Array.from(histogram([0, 1, 2], { lo: 0, hi: 2, count: 2 }))).toEqual([1, 2]);
  });

  it('marks the eigenvalues above the bulk edge as outliers', () => {
    const s = exactSpectrum('sgd', 50, [3, 8]);
    expect(outliersAbove(s.eigenvalues, s.bulkEdge)).toEqual([3, 8]);
  });

  it('floors a density for a log axis', () => {
    expect(Array.from(floorDensity([0, 1, 1e-9, NaN], 1e-3))).toEqual([1e-3, 1, 1e-3, 1e-3]);
  });
});
