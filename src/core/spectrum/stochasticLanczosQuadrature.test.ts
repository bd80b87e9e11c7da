import { describe, expect, it } from 'vitest';
import { CancelledError } from '../cancel';
import { createRng } from '../random';
import { operatorWithSpectrum, testRng } from '../linalg/testMatrices.node';
import { hutchinsonTrace } from './hutchinsonTrace';
import { binIntegral, densityGrid, slqDensity } from './slqDensity';
import { stochasticLanczosQuadrature } from './stochasticLanczosQuadrature';

// D = 150: a [0, 1] bulk, three outliers and a negative tail; Tr = Σλ.
const rng = testRng(21);
const spectrum = [
  ...Array.from({ length: 140 }, () => rng.uniform()),
  ...Array.from({ length: 7 }, () => -0.5 * rng.uniform()),
  6,
  8,
  12,
];
const trace = spectrum.reduce((a, b) => a + b, 0);
const op = operatorWithSpectrum(spectrum, 22);

describe('stochasticLanczosQuadrature', () => {
  it('gives weights summing to 1 per probe and a first moment equal to Tr/D within 3 s.e.', async () => {
    const q = await stochasticLanczosQuadrature(op, {
      probes: 10,
      steps: 40,
      rng: createRng(1, 'probes'),
    });
    expect(q.rules).toHaveLength(10);
    let moment = 0;
    for (const r of q.rules) {
      expect(r.nodes.length).toBe(40);
      expect(r.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      moment += r.nodes.reduce((a, x, i) => a + x * r.weights[i]!, 0) / q.rules.length;
      // extreme Ritz values converge to the extreme eigenvalues
      expect(r.nodes.at(-1)).toBeCloseTo(12, 6);
    }
    // The quadrature's first moment IS Hutchinson with the same probes: compare with its error bar.
    const h = await hutchinsonTrace(op, { samples: 10, rng: createRng(1, 'probes') });
    expect(moment).toBeCloseTo(h.mean / 150, 12);
    expect(Math.abs(moment - trace / 150)).toBeLessThan((3 * h.standardError) / 150);
  });

  it('smooths to a density of unit area whose mean matches the nodes (≤ 1e-6) and Tr/D (3 s.e.)', async () => {
    const q = await stochasticLanczosQuadrature(op, {
      probes: 10,
      steps: 60,
      rng: createRng(2, 'probes'),
    });
    const grid = densityGrid(q, 20001);
    const density = slqDensity(q, grid);
    expect(binIntegral(grid, density)).toBeCloseTo(1, 12);
    const mean = binIntegral(
      grid,
      density.map((p, i) => p * grid[i]!),
    );
    let nodesMean = 0;
    for (const r of q.rules)
      nodesMean += r.nodes.reduce((a, x, i) => a + x * r.weights[i]!, 0) / 10;
    expect(Math.abs(mean - nodesMean)).toBeLessThan(1e-6);
    // Tr/D only up to the probes' sampling error: 3 standard errors of the same 10 probes.
    const h = await hutchinsonTrace(op, { samples: 10, rng: createRng(2, 'probes') });
    expect(Math.abs(mean - trace / 150)).toBeLessThan((3 * h.standardError) / 150);
    // mass above the bulk: 3 outliers of 150 (each weight ≈ 1/D on average)
    const above = binIntegral(grid, density, 3);
    expect(above * 150).toBeGreaterThan(1.5);
    expect(above * 150).toBeLessThan(4.5);
  });

  it('rejects with CancelledError when aborted, after reporting progress', async () => {
    const signal = { aborted: false };
    const seen: number[] = [];
    const run = stochasticLanczosQuadrature(
      op,
      { probes: 5, steps: 10, rng: createRng(3, 'probes') },
      { signal, onProgress: (f) => void (seen.push(f), f > 0.3 && (signal.aborted = true)) },
    );
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    // the 5 probes run in lockstep: the first report comes after step 1 of all of them
    expect(seen[0]).toBeCloseTo(1 / 10, 12);
  });
});

describe('hutchinsonTrace', () => {
  it('has an error bar that covers the true trace (seeded, 100 samples, 2 s.e.)', async () => {
    const h = await hutchinsonTrace(op, { samples: 100, rng: createRng(4, 'probes') });
    expect(h.samples).toHaveLength(100);
    expect(h.standardError).toBeGreaterThan(0);
    expect(Math.abs(h.mean - trace)).toBeLessThan(2 * h.standardError);
    // and the error bar is informative: below 5% of the trace
    expect(h.standardError).toBeLessThan(0.05 * trace);
  });
});
