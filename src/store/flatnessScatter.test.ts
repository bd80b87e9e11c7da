import { describe, expect, it } from 'vitest';
import type { FlatnessResult } from '../protocol/analysis';
import { exactSpectrum } from '../views/charts/analysisFixtures.node';
import { flatnessScatter, nearestIndex, type ScatterRun } from './flatnessScatter';

function run(id: string, finalTestError: number): ScatterRun {
  return { id, label: id.toUpperCase(), testError: finalTestError };
}

/** Flatness with δE on the error = `energyAt01` at σ = 0.1 (and other values elsewhere). */
function flat(runId: string, energyAt01: number): FlatnessResult {
  return {
    runId,
    step: 100,
    sigmas: Float64Array.of(0.03, 0.1, 0.3),
    energyError: Float64Array.of(-1, energyAt01, 5),
    energyErrorSpread: new Float64Array(3),
    energyLoss: Float64Array.of(0, 10 * energyAt01, 0),
    energyLossSpread: new Float64Array(3),
    radii: Float64Array.of(0.1),
    shellFraction: Float64Array.of(1),
  };
}

describe('nearestIndex', () => {
  it('picks the nearest σ on a log scale', () => {
    const grid = [0.03, 0.1, 0.3];
    expect(nearestIndex(grid, 0.1)).toBe(1);
    // |log(0.12/0.1)| = 0.18 < |log(0.3/0.12)| = 0.92.
    expect(nearestIndex(grid, 0.12)).toBe(1);
    // 0.2: log(2) = 0.69 from 0.1, log(1.5) = 0.41 from 0.3 (on a linear scale 0.1 and 0.3 tie).
    expect(nearestIndex(grid, 0.2)).toBe(2);
    expect(nearestIndex(grid, 1e-6)).toBe(0);
    expect(nearestIndex([], 0.1)).toBe(-1);
  });
});

describe('flatnessScatter', () => {
  // x = δE(0.1) = 1, 2, 3, 4; y = test error 0.1, 0.3, 0.2, 0.4.
  // By hand: ranks of y are 1, 3, 2, 4, so d = 0, −1, 1, 0 and Σd² = 2:
  // ρ = 1 − 6·2 / (4·15) = 0.8. Of the 6 pairs only (b, c) is discordant: τ_b = (5 − 1)/6 = 2/3.
  const input = {
    runs: [
      run('a', 0.1),
      run('b', 0.3),
      run('c', 0.2),
      run('d', 0.4),
      run('e', 0.5),
      run('f', NaN),
    ],
    spectra: {
      a: exactSpectrum('a', 4, [3]),
      b: exactSpectrum('b', 4, [1]),
      e: exactSpectrum('e', 4, [2]),
    },
    flatness: {
      a: flat('a', 1),
      b: flat('b', 2),
      c: flat('c', 3),
      d: flat('d', 4),
      f: flat('f', 5),
    },
  };

  it('correlates δE at the nearest σ with the final test error, as computed by hand', () => {
    const s = flatnessScatter(input, 'energyError', 0.12);
    expect(s.n).toBe(4);
    expect(s.points.map((p) => [p.runId, p.x, p.y, p.sigma])).toEqual([
      ['a', 1, 0.1, 0.1],
      ['b', 2, 0.3, 0.1],
      ['c', 3, 0.2, 0.1],
      ['d', 4, 0.4, 0.1],
    ]);
    expect(s.spearman).toBeCloseTo(0.8, 12);
    expect(s.kendall).toBeCloseTo(2 / 3, 12);
    // δE on the loss is 10× δE on the error here: a monotone map leaves both ranks unchanged.
    const loss = flatnessScatter(input, 'energyLoss', 0.1);
    expect(loss.spearman).toBeCloseTo(0.8, 12);
    expect(loss.points[3]?.x).toBe(40);
  });

  it('lists the runs that lack the measure or a test error, and does not plot them', () => {
    const s = flatnessScatter(input, 'energyError', 0.1);
    expect(s.missing).toEqual([
      { runId: 'e', label: 'E', why: 'no flatness analysis yet' },
      { runId: 'f', label: 'F', why: 'no test error yet' },
    ]);
    expect(s.points.map((p) => p.index)).toEqual([0, 1, 2, 3]);
  });

  it('reads λmax and the trace from the latest spectrum', () => {
    // λmax: a 3, b 1, e 2 against test error 0.1, 0.3, 0.5 → ranks (3,1,2) vs (1,2,3):
    // Σd² = 4 + 1 + 1 = 6, ρ = 1 − 36/24 = −0.5; pairs (a,b) D, (a,e) D, (b,e) C: τ_b = −1/3.
    const s = flatnessScatter(input, 'lambdaMax', 0.1);
    expect(s.points.map((p) => [p.runId, p.x])).toEqual([
      ['a', 3],
      ['b', 1],
      ['e', 2],
    ]);
    expect(s.spearman).toBeCloseTo(-0.5, 12);
    expect(s.kendall).toBeCloseTo(-1 / 3, 12);
    expect(s.missing.map((m) => m.runId)).toEqual(['c', 'd', 'f']);
    expect(s.missing[0]?.why).toBe('no spectrum yet');
    const trace = flatnessScatter(input, 'trace', 0.1);
    expect(trace.points[0]?.x).toBeCloseTo(exactSpectrum('a', 4, [3]).trace, 12);
  });

  it('gives NaN correlations for fewer than two points', () => {
    const s = flatnessScatter({ ...input, runs: input.runs.slice(0, 1) }, 'energyError', 0.1);
    expect(s.n).toBe(1);
    expect(s.spearman).toBeNaN();
    expect(s.kendall).toBeNaN();
  });
});
