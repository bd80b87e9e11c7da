import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import type { BinaryArchitecture, BinaryWeights } from './binaryNetwork';
import { countErrors, FieldState, hiddenFields, randomBinaryWeights } from './binaryNetwork';
import type { BinaryTask } from './binaryTask';
import { randomBinaryTask } from './binaryTask';
import { focusingBP } from './focusingBP';
import { hammingLocalEntropy } from './hammingLocalEntropy';
import { leastAction } from './leastAction';
import { simulatedAnnealing } from './simulatedAnnealing';

const parity = (inputs: number, hidden: number, tree: boolean): BinaryArchitecture => ({
  inputs,
  hidden,
  tree,
  machine: 'parity',
});

/** The definition, written out: y·Π_k sign(Σ_i w_ki ξ_i) ≤ 0 is an error. */
function bruteForceErrors(arch: BinaryArchitecture, w: BinaryWeights, task: BinaryTask): number {
  const m = arch.tree ? arch.inputs / arch.hidden : arch.inputs;
  let errors = 0;
  for (let mu = 0; mu < task.count; mu++) {
    let out = 1;
    for (let k = 0; k < arch.hidden; k++) {
      let field = 0;
      for (let i = 0; i < m; i++) {
        const input = arch.tree ? k * m + i : i;
        field += w[k * m + i]! * task.xi[mu * arch.inputs + input]!;
      }
      out *= Math.sign(field);
    }
    if (task.y[mu]! * out <= 0) errors++;
  }
  return errors;
}

describe('parity machine', () => {
  it('by hand: the K = 3 tree whose committee is right is wrong as a parity machine', () => {
    // Tree K = 3 on 3 inputs: fields (1, 1, −1) → majority +1, product −1; (−1, −1, 1) → −1, +1.
    const task = {
      inputs: 3,
      count: 2,
      xi: Int8Array.from([1, 1, -1, -1, -1, 1]),
      y: Int8Array.from([1, 1]),
    };
    const w = Int8Array.from([1, 1, 1]);
    expect(countErrors({ inputs: 3, hidden: 3, tree: true }, w, task)).toBe(1);
    expect(countErrors(parity(3, 3, true), w, task)).toBe(1);
    // Only the first pattern is a committee success and only the second a parity success.
    const first = { ...task, count: 1, xi: task.xi.slice(0, 3), y: task.y.slice(0, 1) };
    expect(countErrors({ inputs: 3, hidden: 3, tree: true }, w, first)).toBe(0);
    expect(countErrors(parity(3, 3, true), w, first)).toBe(1);
    // A parity machine may have an even K; a committee may not. Fields (2, 0): product 0, error.
    const four = { inputs: 4, count: 1, xi: Int8Array.from([1, 1, 1, -1]), y: Int8Array.from([1]) };
    const w4 = Int8Array.from([1, 1, 1, 1]);
    expect(countErrors(parity(4, 2, true), w4, four)).toBe(1);
    expect(countErrors(parity(4, 2, true), Int8Array.from([1, 1, 1, -1]), four)).toBe(0);
    expect(() => countErrors({ inputs: 4, hidden: 2, tree: true }, w4, four)).toThrow(RangeError);
  });

  it('errors match the brute-force product of signs (tree, fully connected, even fan-in, even K)', () => {
    for (const [seed, arch] of [
      [1, parity(15, 3, true)],
      [2, parity(12, 3, true)], // fan-in 4: zero fields, product 0, counted as errors
      [3, parity(16, 4, true)],
      [4, parity(9, 3, false)],
      [5, parity(8, 2, false)],
      [6, parity(11, 1, false)],
    ] as const) {
      const task = randomBinaryTask(seed, arch.inputs, 2);
      const rng = createRng(seed, 'init');
      for (let t = 0; t < 20; t++) {
        const w = randomBinaryWeights(arch, rng);
        expect(countErrors(arch, w, task)).toBe(bruteForceErrors(arch, w, task));
      }
    }
  });

  it('FieldState: incremental flips match a full recount', () => {
    for (const arch of [parity(33, 3, true), parity(31, 3, false), parity(32, 4, true)]) {
      const task = randomBinaryTask(4, arch.inputs, 1.5);
      const rng = createRng(4, 'init');
      const state = new FieldState(arch, randomBinaryWeights(arch, rng), task);
      for (let t = 0; t < 300; t++) {
        const j = rng.int(state.weights.length);
        const predicted = state.flipDelta(j);
        const before = state.errors;
        state.flip(j);
        expect(state.errors - before).toBe(predicted);
        if (t % 25 === 0) expect(state.errors).toBe(bruteForceErrors(arch, state.weights, task));
      }
      expect(state.errors).toBe(countErrors(arch, state.weights, task));
      expect(Array.from(state.fields)).toEqual(Array.from(hiddenFields(arch, state.weights, task)));
    }
  });

  it('K = 1: the parity machine is the perceptron, solver by solver', async () => {
    const perceptron = { inputs: 51, hidden: 1, tree: false };
    const task = randomBinaryTask(3, 51, 0.4);
    const sa = await simulatedAnnealing(perceptron, task, { seed: 3, maxSweeps: 200 });
    const saP = await simulatedAnnealing(parity(51, 1, false), task, { seed: 3, maxSweeps: 200 });
    expect(Array.from(saP.weights)).toEqual(Array.from(sa.weights));
    const la = await leastAction(perceptron, task, { seed: 3, variant: 'entropic' });
    const laP = await leastAction(parity(51, 1, false), task, { seed: 3, variant: 'entropic' });
    expect(Array.from(laP.weights)).toEqual(Array.from(la.weights));
  });
});

/** Every ±1 weight vector of length n, as the bits of 0 … 2^n − 1. */
function weightsOf(code: number, n: number): Int8Array {
  return Int8Array.from({ length: n }, (_, i) => ((code >> i) & 1 ? 1 : -1));
}

describe('Hamming local entropy of a parity machine against exact enumeration', () => {
  it('the sampled fraction at f flips equals the exact share of solutions on that shell', async () => {
    // N = 15, K = 3 tree (fan-in 5), and N = 16, K = 2 tree (fan-in 8: zero fields); all 2^N
    // weight vectors. Reference: the solution with the most solutions at 1 and 2 flips.
    for (const [arch, alpha] of [
      [parity(15, 3, true), 0.3],
      [parity(16, 2, true), 0.25],
    ] as const) {
      const n = arch.inputs;
      const task = randomBinaryTask(11, n, alpha);
      const solution = new Uint8Array(1 << n);
      for (let c = 0; c < 1 << n; c++)
        solution[c] = countErrors(arch, weightsOf(c, n), task) === 0 ? 1 : 0;
      let best = -1;
      let bestScore = -1;
      for (let c = 0; c < 1 << n; c++) {
        if (!solution[c]) continue;
        let score = 0;
        for (let i = 0; i < n; i++) {
          score += solution[c ^ (1 << i)]!;
          for (let j = i + 1; j < n; j++) score += solution[c ^ (1 << i) ^ (1 << j)]!;
        }
        if (score > bestScore) [best, bestScore] = [c, score];
      }
      expect(best).toBeGreaterThanOrEqual(0);
      const flips = [1, 2, 3, 5];
      const inside = new Float64Array(flips.length);
      const shell = new Float64Array(flips.length);
      for (let o = 0; o < 1 << n; o++) {
        let d = 0;
        for (let x = best ^ o; x; x &= x - 1) d++;
        const r = flips.indexOf(d);
        if (r < 0) continue;
        shell[r]!++;
        inside[r]! += solution[o]!;
      }
      const exact = Array.from(inside, (c, r) => c / shell[r]!);
      // Not a trivial shell: some fraction strictly between 0 and 1.
      expect(exact.some((p) => p > 0.05 && p < 0.95)).toBe(true);
      const samples = 4000;
      const r = await hammingLocalEntropy(arch, weightsOf(best, n), task, {
        distances: flips.map((f) => f / n),
        samples,
        seed: 5,
      });
      expect(Array.from(r.flips)).toEqual(flips);
      expect(r.baseErrors).toBe(0);
      for (const [i, p] of exact.entries()) {
        const sd = Math.sqrt((p * (1 - p)) / samples);
        expect(Math.abs(r.fraction[i]! - p)).toBeLessThanOrEqual(4 * sd + 1e-9);
      }
    }
  });
});

describe('solvers on a parity machine (N = 99, K = 3 tree, α = 0.3)', () => {
  const arch = parity(99, 3, true);

  it('annealing and both least-action variants reach zero errors', async () => {
    const task = randomBinaryTask(2, 99, 0.3);
    for (const r of [
      await simulatedAnnealing(arch, task, { seed: 2, maxSweeps: 1000 }),
      await leastAction(arch, task, { seed: 2 }),
      await leastAction(arch, task, { seed: 2, variant: 'entropic' }),
    ]) {
      expect(r.solved).toBe(true);
      expect(bruteForceErrors(arch, r.weights, task)).toBe(0);
    }
  });

  it('focusing BP solves it (the parity output factor, the gauge clamp)', async () => {
    // Measured (seeds 1–3): without the clamp every magnetization collapses to 0 and the sign
    // decision keeps 12–15 errors of 30; with it, 5 sweeps per step solve in ~490 sweeps.
    const task = randomBinaryTask(1, 99, 0.3);
    const r = await focusingBP(arch, task, { seed: 1 });
    expect(r.solved).toBe(true);
    expect(bruteForceErrors(arch, r.weights, task)).toBe(0);
    const polarized =
      r.magnetizations.reduce((s, m) => s + Math.abs(m), 0) / r.magnetizations.length;
    expect(polarized).toBeGreaterThan(0.2);
    // The clamped gauge weights: the first weight of units 0 and 1.
    expect(r.weights[0]).toBe(1);
    expect(r.weights[33]).toBe(1);
  });
});
