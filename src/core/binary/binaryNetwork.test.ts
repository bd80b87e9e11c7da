import { describe, expect, it } from 'vitest';
import { CancelledError } from '../cancel';
import { createRng } from '../random';
import { countErrors, FieldState, hiddenFields, randomBinaryWeights } from './binaryNetwork';
import { randomBinaryTask } from './binaryTask';
import { hammingLocalEntropy, logBinomial } from './hammingLocalEntropy';
import { atanhErf, erf, erfc, fieldProduct, logErfc, mixField } from './magnetization';

describe('±1 networks', () => {
  it('fields and errors by hand on a 3-input perceptron and a K=3 tree', () => {
    const task = {
      inputs: 3,
      count: 2,
      xi: Int8Array.from([1, 1, -1, -1, 1, 1]),
      y: Int8Array.from([1, 1]),
    };
    const w = Int8Array.from([1, 1, 1]);
    expect(Array.from(hiddenFields({ inputs: 3, hidden: 1, tree: false }, w, task))).toEqual([
      1, 1,
    ]);
    expect(
      countErrors({ inputs: 3, hidden: 1, tree: false }, Int8Array.from([1, -1, 1]), task),
    ).toBe(2);
    // Tree K=3: unit k sees input k only; votes (1, 1, −1) → +1 and (−1, 1, 1) → +1.
    const tree = { inputs: 3, hidden: 3, tree: true };
    expect(Array.from(hiddenFields(tree, w, task))).toEqual([1, 1, -1, -1, 1, 1]);
    expect(countErrors(tree, w, task)).toBe(0);
    expect(() => countErrors({ inputs: 3, hidden: 2, tree: false }, w, task)).toThrow(RangeError);
  });

  it('FieldState: incremental flips match a full recount (fully connected and tree)', () => {
    for (const arch of [
      { inputs: 31, hidden: 1, tree: false },
      { inputs: 31, hidden: 3, tree: false },
      { inputs: 33, hidden: 3, tree: true },
    ]) {
      const task = randomBinaryTask(4, arch.inputs, 1.5);
      const rng = createRng(4, 'init');
      const state = new FieldState(arch, randomBinaryWeights(arch, rng), task);
      for (let t = 0; t < 200; t++) {
        const j = rng.int(state.weights.length);
        const predicted = state.flipDelta(j);
        const before = state.errors;
        state.flip(j);
        expect(state.errors - before).toBe(predicted);
        if (t % 20 === 0) expect(state.errors).toBe(countErrors(arch, state.weights, task));
      }
      expect(Array.from(state.fields)).toEqual(Array.from(hiddenFields(arch, state.weights, task)));
    }
  });
});

describe('message arithmetic', () => {
  it('erf, erfc, log erfc and atanh∘erf against tabulated values', () => {
    expect(erf(0.5)).toBeCloseTo(0.5204998778130465, 14);
    expect(erf(-2.5)).toBeCloseTo(-0.999593047982555, 14);
    expect(erfc(3) / 2.209049699858544e-5).toBeCloseTo(1, 12);
    expect(logErfc(10)).toBeCloseTo(Math.log(2.088487583762545e-45), 10);
    // erfc(x) ≈ e^{−x²}/(x√π)·(1 − 1/(2x²) + …)
    expect(logErfc(40)).toBeCloseTo(
      -1600 - Math.log(40 * Math.sqrt(Math.PI)) + Math.log1p(-1 / 3200),
      4,
    );
    expect(atanhErf(0.3)).toBeCloseTo(Math.atanh(erf(0.3)), 14);
    expect(atanhErf(1.7)).toBeCloseTo(Math.atanh(erf(1.7)), 10);
    expect(Number.isFinite(atanhErf(30))).toBe(true);
  });

  it('field products and mixtures equal their magnetization definitions', () => {
    const a = 0.7;
    const b = -1.3;
    expect(Math.tanh(fieldProduct(a, b))).toBeCloseTo(Math.tanh(a) * Math.tanh(b), 14);
    expect(fieldProduct(a, Infinity)).toBe(a);
    const [h, ap, am] = [0.4, 1.1, -0.6];
    const direct =
      0.5 * Math.log((1 + Math.tanh(h) * Math.tanh(ap)) / (1 + Math.tanh(h) * Math.tanh(am)));
    expect(mixField(h, ap, am)).toBeCloseTo(direct, 14);
    const hard = 0.5 * Math.log((1 + Math.tanh(ap)) / (1 + Math.tanh(am)));
    expect(mixField(Infinity, ap, am)).toBeCloseTo(hard, 14);
    // A pattern violated by 60 units of field still speaks when the output is hard.
    expect(mixField(Infinity, -50, -60)).toBeCloseTo(10, 10);
  });
});

describe('hammingLocalEntropy', () => {
  it('log C(n, k) by hand and the shell entropy', () => {
    expect(logBinomial(5, 2)).toBeCloseTo(Math.log(10), 14);
    expect(logBinomial(10, 0)).toBe(0);
    expect(logBinomial(3, 4)).toBe(-Infinity);
  });

  it('d = 0 keeps the reference; one flip of a margin-1 pattern weight breaks exactly that share', async () => {
    // N = 3 perceptron, w = (1, 1, 1), one pattern of field 1: flipping any weight i with
    // ξ_i = +1 makes the field −1 (error), flipping the weight with ξ_i = −1 makes it 3.
    const task = { inputs: 3, count: 1, xi: Int8Array.from([1, 1, -1]), y: Int8Array.from([1]) };
    const arch = { inputs: 3, hidden: 1, tree: false };
    const r = await hammingLocalEntropy(arch, Int8Array.from([1, 1, 1]), task, {
      distances: [0, 1 / 3, 1],
      samples: 3000,
      seed: 1,
    });
    expect(r.baseErrors).toBe(0);
    expect(Array.from(r.flips)).toEqual([0, 1, 3]);
    expect(r.fraction[0]).toBe(1);
    expect(Math.abs(r.fraction[1]! - 1 / 3)).toBeLessThan(0.04);
    expect(r.fraction[2]).toBe(0);
    expect(r.shellEntropy[1]).toBeCloseTo(Math.log(3) / 3, 14);
    expect(r.localEntropy[1]).toBeCloseTo((Math.log(3) + Math.log(r.fraction[1]!)) / 3, 14);
  });

  it('is deterministic in its seed and cancellable', async () => {
    const arch = { inputs: 51, hidden: 3, tree: false };
    const task = randomBinaryTask(2, 51, 0.2);
    const w = randomBinaryWeights(arch, createRng(2, 'init'));
    const opts = { distances: [0.01, 0.05], samples: 50, seed: 3, maxErrors: 100 };
    const a = await hammingLocalEntropy(arch, w, task, opts);
    const b = await hammingLocalEntropy(arch, w, task, opts);
    expect(Array.from(a.meanError)).toEqual(Array.from(b.meanError));
    await expect(
      hammingLocalEntropy(arch, w, task, opts, { signal: { aborted: true } }),
    ).rejects.toBeInstanceOf(CancelledError);
  });
});
