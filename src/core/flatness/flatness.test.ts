import { describe, expect, it } from 'vitest';
import { localEnergy } from './localEnergy';
import { quadraticEvaluator } from './quadraticLandscape.node';
import { shellLocalEntropy } from './shellLocalEntropy';

const D = 40;
const w = Float64Array.from({ length: D }, (_, i) => 1 + (i % 5) / 5);
const flat = Float64Array.from({ length: D }, (_, i) => 0.5 + (i % 3));
const sharp = flat.map((l) => 10 * l);

describe('localEnergy on quadratic minima', () => {
  it('δL = ½σ² Σ λ_i w_i² (multiplicative), ½σ² Σ λ_i (additive); sharper ⇒ higher', async () => {
    const sigmas = [0.01, 0.03, 0.1];
    const expected = (lambdas: Float64Array, multiplicative: boolean, s: number) =>
      0.5 * s * s * lambdas.reduce((a, l, i) => a + l * (multiplicative ? w[i]! ** 2 : 1), 0);
    for (const noise of ['multiplicative', 'additive'] as const) {
      const f = await localEnergy(quadraticEvaluator(w, flat, 1e9), w, {
        sigmas,
        samples: 100,
        seed: 1,
        noise,
      });
      const s = await localEnergy(quadraticEvaluator(w, sharp, 1e9), w, {
        sigmas,
        samples: 100,
        seed: 1,
        noise,
      });
      sigmas.forEach((sigma, k) => {
        const exact = expected(flat, noise === 'multiplicative', sigma);
        // within 4 standard errors of the closed form
        expect(Math.abs(f.loss[k]!.mean - exact)).toBeLessThan(4 * f.loss[k]!.standardError);
        // common random numbers: the sharp curve is exactly 10× the flat one, draw by draw
        expect(s.loss[k]!.mean).toBeCloseTo(10 * f.loss[k]!.mean, 10);
        expect(s.loss[k]!.mean).toBeGreaterThan(f.loss[k]!.mean);
      });
      expect(f.base.loss).toBe(0);
    }
  });

  it('the error curve rises later for the flatter minimum', async () => {
    const sigmas = [0.02, 0.05, 0.1, 0.2];
    const opts = { sigmas, samples: 50, seed: 2 };
    const f = await localEnergy(quadraticEvaluator(w, flat, 0.5), w, opts);
    const s = await localEnergy(quadraticEvaluator(w, sharp, 0.5), w, opts);
    for (let k = 0; k < sigmas.length; k++)
      expect(s.error[k]!.mean).toBeGreaterThanOrEqual(f.error[k]!.mean);
    expect(s.error[1]!.mean - f.error[1]!.mean).toBeGreaterThan(0.5);
  });
});

describe('shellLocalEntropy on quadratic minima', () => {
  it('keeps more of each shell around the flatter minimum', async () => {
    const radii = [0.01, 0.05, 0.1, 0.2, 0.5];
    const opts = { radii, samples: 50, seed: 3, tolerance: 0 };
    const f = await shellLocalEntropy(quadraticEvaluator(w, flat, 2), w, opts);
    const s = await shellLocalEntropy(quadraticEvaluator(w, sharp, 2), w, opts);
    expect(f.fraction[0]).toBe(1);
    expect(s.fraction[0]).toBe(1);
    for (let r = 0; r < radii.length; r++)
      expect(f.fraction[r]).toBeGreaterThanOrEqual(s.fraction[r]!);
    expect(s.fraction[2]).toBe(0);
    expect(s.logFraction[2]).toBe(-Infinity);
    expect(f.fraction[2]).toBe(1);
    expect(f.fraction[4]).toBe(0);
    // on the shell, L = ½ d²‖w‖² Σ λ_i u_i² with u uniform: mean error grows with d
    for (let r = 1; r < radii.length; r++)
      expect(f.meanError[r]).toBeGreaterThanOrEqual(f.meanError[r - 1]!);
  });
});
