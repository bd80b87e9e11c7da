import { describe, expect, it } from 'vitest';
import type { LinearOperator } from '../linalg/linearOperator';
import { operatorWithSpectrum, testRng } from '../linalg/testMatrices.node';
import { createRng } from '../random';
import { extremesAndDensity } from './extremesAndDensity';
import { lanczos } from './lanczos';
import { stochasticLanczosQuadrature } from './stochasticLanczosQuadrature';

// D = 120: a [0, 1] bulk, a negative tail and three outliers.
const rng = testRng(5);
const spectrum = [
  ...Array.from({ length: 112 }, () => rng.uniform()),
  ...Array.from({ length: 5 }, () => -0.3 * rng.uniform()),
  4,
  7,
  9,
];
const dense = operatorWithSpectrum(spectrum, 6);

/** `dense` with a batched `applyMany`, counting passes (calls of `apply` or `applyMany`). */
function counting(): { op: LinearOperator; passes: () => number } {
  let passes = 0;
  return {
    op: {
      dim: dense.dim,
      batchSize: 64,
      apply: (v) => {
        passes += 1;
        return dense.apply(v);
      },
      applyMany: async (vs) => {
        passes += 1;
        return Promise.all(vs.map((v) => dense.apply(v)));
      },
    },
    passes: () => passes,
  };
}

describe('extremesAndDensity', () => {
  it('equals lanczos then stochasticLanczosQuadrature on one generator, in fewer passes', async () => {
    const ends = { k: 5, which: 'both' as const };
    const density = { probes: 6, steps: 30 };
    const apart = counting();
    const seq = createRng(3, 'probes');
    const top = await lanczos(apart.op, { ...ends, rng: seq }, {});
    const quad = await stochasticLanczosQuadrature(apart.op, { ...density, rng: seq });

    const together = counting();
    const one = createRng(3, 'probes');
    const both = await extremesAndDensity(
      together.op,
      { ...ends, rng: one },
      { ...density, rng: one },
    );
    expect(both.ends).toEqual(top);
    expect(both.quadrature).toEqual(quad);
    // The generator is left where the two calls leave it.
    expect(one.uniform()).toBe(seq.uniform());
    // lanczos' 40 single-vector steps plus the quadrature's 30 passes, against 40 shared ones.
    expect(top.steps).toBe(40);
    expect(together.passes()).toBe(40);
    expect(apart.passes()).toBe(70);
    expect(top.top[0]?.value).toBeCloseTo(9, 8);
    expect(top.bottom[0]?.value).toBeLessThan(0);
  });

  it('reports progress up to 1', async () => {
    const fractions: number[] = [];
    const rngs = createRng(4, 'probes');
    await extremesAndDensity(
      counting().op,
      { k: 2, which: 'top', rng: rngs },
      { probes: 3, steps: 10, rng: rngs },
      { onProgress: (f) => fractions.push(f) },
    );
    expect(fractions.at(-1)).toBe(1);
    expect(fractions).toHaveLength(34);
  });
});
