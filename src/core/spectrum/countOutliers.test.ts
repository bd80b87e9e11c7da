import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { operatorWithSpectrum, testRng } from '../linalg/testMatrices.node';
import { countOutliers } from './countOutliers';
import { gradientConfinement } from './gradientConfinement';
import { lanczos } from './lanczos';
import { quadratureQuantile } from './slqDensity';
import { stochasticLanczosQuadrature } from './stochasticLanczosQuadrature';

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

  it('gives the same count from the top Ritz values and the SLQ median as from the whole spectrum', async () => {
    // Hessian-like spectra, D = 300: a bulk piled up near 0 with a right tail up to ~1.2 and a
    // few negative values, under 4 outliers whose lowest sits at a clear or a borderline gap. The
    // midpoint of the two spectral ends (what the SLQ path used as the bulk's median) sits above
    // the true median and so inflates every gap's score: at the borderline it counts outliers
    // that the exact spectrum does not have.
    const r = testRng(32);
    const bulk = [
      ...Array.from({ length: 280 }, () => 0.02 * r.normal() ** 2),
      ...Array.from({ length: 12 }, () => 0.3 + 0.9 * r.uniform()),
      ...Array.from({ length: 4 }, () => -0.05 * r.uniform()),
    ];
    const rows = [];
    for (const lowest of [2.5, 2.3, 2.2]) {
      const spectrum = [...bulk, 5, 4.2, 3.1, lowest];
      const op = operatorWithSpectrum(spectrum, 33);
      const rng = createRng(4, 'probes');
      const ends = await lanczos(op, { k: 14, which: 'both', rng });
      const quadrature = await stochasticLanczosQuadrature(op, { probes: 8, steps: 60, rng });
      const top = ends.top.map((p) => p.value);
      const median = quadratureQuantile(quadrature, 0.5);
      expect(Math.abs(median)).toBeLessThan(0.05);
      rows.push({
        exact: countOutliers(spectrum).count,
        slq: countOutliers(top, { median }).count,
        ends: countOutliers(top.concat(ends.bottom.map((p) => p.value))).count,
      });
    }
    expect(rows[0]!.exact).toBe(4);
    for (const row of rows) expect(row.slq).toBe(row.exact);
    expect(rows.some((row) => row.ends !== row.exact)).toBe(true);
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
