import { describe, expect, it } from 'vitest';
import { averageRanks, kendallTauB, pearson, spearman } from './rankCorrelation';

describe('rank correlations against hand-computed values', () => {
  it('average ranks share tied positions', () => {
    expect(Array.from(averageRanks([10, 20, 20, 5]))).toEqual([2, 3.5, 3.5, 1]);
    expect(Array.from(averageRanks([7, 7, 7]))).toEqual([2, 2, 2]);
  });

  it('ties in y only: ρ = 8/√95, τ_b = 7/√90', () => {
    // ranks of y = [1, 2, 3.5, 5, 3.5]; pairs: 8 concordant, 1 discordant, 1 tied in y.
    const x = [1, 2, 3, 4, 5];
    const y = [5, 6, 7, 8, 7];
    expect(spearman(x, y)).toBeCloseTo(8 / Math.sqrt(95), 14);
    expect(kendallTauB(x, y)).toBeCloseTo(7 / Math.sqrt(90), 14);
  });

  it('ties in both: ρ = 3.75/4.5, τ_b = 4/√(5·5)', () => {
    const x = [1, 1, 2, 3];
    const y = [1, 2, 2, 3];
    expect(spearman(x, y)).toBeCloseTo(3.75 / 4.5, 14);
    expect(kendallTauB(x, y)).toBeCloseTo(0.8, 14);
  });

  it('no ties: Spearman equals 1 − 6Σd²/(n(n²−1)); reversal gives −1; monotone maps change nothing', () => {
    const x = [3, 1, 4, 1.5, 9, 2.6];
    const y = [2, 7, 1, 8, 2.8, 1.8];
    const rx = averageRanks(x);
    const ry = averageRanks(y);
    let d2 = 0;
    for (let i = 0; i < x.length; i++) d2 += (rx[i]! - ry[i]!) ** 2;
    const n = x.length;
    expect(spearman(x, y)).toBeCloseTo(1 - (6 * d2) / (n * (n * n - 1)), 14);
    const rev = x.map((v) => -v);
    expect(spearman(x, rev)).toBeCloseTo(-1, 14);
    expect(kendallTauB(x, rev)).toBeCloseTo(-1, 14);
    const ex = x.map(Math.exp);
    expect(spearman(ex, y)).toBeCloseTo(spearman(x, y), 14);
    expect(kendallTauB(ex, y)).toBeCloseTo(kendallTauB(x, y), 14);
    expect(pearson(ex, y)).not.toBeCloseTo(pearson(x, y), 3);
  });

  it('a constant variable gives NaN; mismatched lengths throw', () => {
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(kendallTauB([1, 2, 3], [4, 4, 4])).toBeNaN();
    expect(() => spearman([1, 2], [1])).toThrow(RangeError);
  });
});
