import { describe, expect, it } from 'vitest';
import { testRng } from '../linalg/testMatrices.node';
import { countOutliers } from './countOutliers';
import { gradientConfinement } from './gradientConfinement';

describe('countOutliers', () => {
  const rng = testRng(31);
  const bulk = Array.from({ length: 200 }, () => rng.uniform() - 0.2);

  it('counts C outliers above a bulk, whatever their spread', () => {
    const r = countOutliers([...bulk, 30, 22, 15, 9.5, 7]);
    expect(r.count).toBe(5);
    expect(r.bulkEdge).toBe(Math.max(...bulk));
    expect(r.threshold).toBeGreaterThan(r.bulkEdge);
    expect(r.threshold).toBeLessThan(7);
    expect(r.gap).toBeCloseTo(7 - r.bulkEdge, 12);
  });

  it('is invariant to λ → cλ + b and finds none in a gapless bulk', () => {
    const shifted = countOutliers([...bulk, 30, 22, 15].map((x) => 3 * x - 2));
    expect(shifted.count).toBe(3);
    expect(countOutliers(bulk).count).toBe(0);
    expect(countOutliers([1]).count).toBe(0);
  });

  it('counts a low-rank spectrum over exact zeros', () => {
    expect(countOutliers([5, 4, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]).count).toBe(3);
  });
});

describe('gradientConfinement', () => {
  it('is ‖Vᵀg‖²/‖g‖² with baseline k/D', () => {
    const g = [3, 4, 0, 0, 0];
    const e1 = [1, 0, 0, 0, 0];
    const diag = [0, Math.SQRT1_2, Math.SQRT1_2, 0, 0];
    const r = gradientConfinement(g, [e1, diag]);
    expect(r.fraction).toBeCloseTo((9 + 8) / 25, 14);
    expect(r.baseline).toBeCloseTo(2 / 5, 14);
  });
});
