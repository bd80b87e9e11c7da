import { describe, expect, it } from 'vitest';
import { rankCorrelation } from './checks';

describe('rankCorrelation', () => {
  it('is Spearman’s ρ and Kendall’s τ_b over the finite pairs', () => {
    // Ranks [1, 2, 3, 4] against [1, 3, 2, 4]: Σd² = 2, ρ = 1 − 6·2/60 = 0.8; one discordant
    // pair of six, τ_b = (5 − 1)/6 = 2/3. The NaN pair is left out.
    const r = rankCorrelation([1, 2, 3, 4, Number.NaN], [10, 30, 20, 40, 5]);
    expect(r.n).toBe(4);
    expect(r.rho).toBeCloseTo(0.8, 12);
    expect(r.tau).toBeCloseTo(2 / 3, 12);
  });

  it('is NaN, with the count, for fewer than two pairs or a constant variable', () => {
    expect(rankCorrelation([1, Number.NaN], [2, 3])).toEqual({ rho: NaN, tau: NaN, n: 1 });
    const flat = rankCorrelation([1, 1, 1], [1, 2, 3]);
    expect(flat.n).toBe(3);
    expect(flat.rho).toBeNaN();
    expect(flat.tau).toBeNaN();
  });
});
