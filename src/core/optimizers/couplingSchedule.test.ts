import { describe, expect, it } from 'vitest';
import {
  couplingAt,
  entropyCoupling,
  replicaCoupling,
  stabilityCapStep,
  STABILITY_MARGIN,
} from './couplingSchedule';
import {
  ENTROPY_SGD_DEFAULTS,
  ENTROPY_SGD_SCALED_DEFAULTS,
  makeOptimizerSpec,
  REPLICATED_SGD_DEFAULTS,
} from './optimizerSpec';

describe('couplingSchedule', () => {
  it('holds the library defaults below their stability limits at every step to 20,000', () => {
    const cases = [
      { s: entropyCoupling(ENTROPY_SGD_DEFAULTS), limit: (c: number) => 0.1 * c },
      { s: entropyCoupling(ENTROPY_SGD_SCALED_DEFAULTS), limit: (c: number) => 0.1 * c },
      { s: replicaCoupling(REPLICATED_SGD_DEFAULTS), limit: (c: number) => 2 * 0.1 * c },
    ];
    for (const { s, limit } of cases) {
      let capped = 0;
      for (let t = 0; t <= 20000; t++) {
        const c = couplingAt(s, t);
        expect(limit(c.value)).toBeLessThanOrEqual(STABILITY_MARGIN + 1e-12);
        if (c.capped === 'stability') capped++;
      }
      // Uncapped, each would cross its limit within the 20,000 steps.
      expect(limit(s.c0 * (1 + s.rate) ** 20000)).toBeGreaterThan(1);
      expect(capped).toBeGreaterThan(0);
    }
  });

  it('stays at its cap once it reaches it, from the step stabilityCapStep names', () => {
    const s = entropyCoupling(ENTROPY_SGD_DEFAULTS);
    const first = stabilityCapStep(s)!;
    // η' = 0.1: cap γ = 9; 0.03·1.001^t = 9 at t = ln 300 / ln 1.001 ≈ 5706.
    expect(first).toBe(Math.ceil(Math.log(300) / Math.log1p(1e-3)));
    expect(couplingAt(s, first - 1)).toEqual({ value: 0.03 * 1.001 ** (first - 1), capped: null });
    for (const t of [first, first + 1, first + 1000, 1e6]) {
      expect(couplingAt(s, t)).toEqual({ value: 9, capped: 'stability' });
    }
  });

  it('names the spec’s own cap when it binds first, and caps the scaled variant by η′ alone', () => {
    const race = entropyCoupling(
      makeOptimizerSpec({ kind: 'entropySgd', innerLr: 0.5, gamma0: 0.03, gammaMax: 1 }),
    );
    expect(stabilityCapStep(race)).toBeNull();
    expect(couplingAt(race, 1e5)).toEqual({ value: 1, capped: 'max' });
    // The scaled variant at η = 2 is held by η' alone: γ ≤ 0.9/0.1 = 9.
    const scaled = entropyCoupling({ ...ENTROPY_SGD_SCALED_DEFAULTS, lr: 2, gamma0: 0.1 });
    expect(scaled.condition).toBe("η'γ < 1");
    expect(couplingAt(scaled, 1e5).value).toBeCloseTo(9, 12);
  });
});
