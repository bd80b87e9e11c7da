import { describe, expect, it } from 'vitest';
import { CancelledError } from '../cancel';
import { countErrors } from './binaryNetwork';
import { randomBinaryTask } from './binaryTask';
import { clippedPerceptron } from './clippedPerceptron';
import { focusingBP } from './focusingBP';
import { focusingSchedule } from './focusingProtocol';
import { simulatedAnnealing } from './simulatedAnnealing';

const N = 201;
const perceptron = { inputs: N, hidden: 1, tree: false };

describe('focusing protocols', () => {
  it('follow the reference formulas', () => {
    const sr = focusingSchedule({ kind: 'standardReinforcement', step: 0.25 });
    expect(sr.map((s) => s.y)).toEqual([1, 4 / 3, 2, 4]);
    expect(sr.every((s) => s.gamma === Infinity)).toBe(true);
    const pr = focusingSchedule({ kind: 'pseudoReinforcement', step: 0.5 });
    expect(pr).toEqual([
      { gamma: 0, y: 2 },
      { gamma: Math.atanh(Math.sqrt(0.5)), y: 3 },
    ]);
    const sc = focusingSchedule({ kind: 'scoping', from: 0, to: 1, step: 0.5, y: 7 });
    expect(sc).toEqual([
      { gamma: 0, y: 7 },
      { gamma: 0.5, y: 7 },
      { gamma: 1, y: 7 },
    ]);
  });
});

describe('focusing BP on the ±1 perceptron', () => {
  it('solves α = 0.7 (N = 201) within 100 sweeps where CP and annealing fail with 1000', async () => {
    // Measured (seeds 1–3): fBP solves in 71–76 sweeps; after 1000 sweeps CP is left with
    // 5–16 errors and annealing with 9–16; CP+R solves seed 3 (44 sweeps), stalls at 1 error
    // on seeds 1–2.
    let cprSolved = 0;
    for (const seed of [1, 2, 3]) {
      const task = randomBinaryTask(seed, N, 0.7);
      const fbp = await focusingBP(perceptron, task, { seed, maxSweeps: 100 });
      expect(fbp.solved).toBe(true);
      expect(countErrors(perceptron, fbp.weights, task)).toBe(0);
      expect(fbp.sweeps).toBeLessThanOrEqual(100);
      const cp = await clippedPerceptron(task, { seed, maxSweeps: 1000, reinforcement: 0 });
      const cpr = await clippedPerceptron(task, { seed, maxSweeps: 1000 });
      const sa = await simulatedAnnealing(perceptron, task, { seed, maxSweeps: 1000 });
      expect(cp.solved).toBe(false);
      expect(sa.solved).toBe(false);
      if (cpr.solved) cprSolved++;
    }
    expect(cprSolved).toBeLessThan(3);
  });

  it('solves a K = 3 committee (fully connected and tree)', async () => {
    for (const tree of [false, true]) {
      const arch = { inputs: 99, hidden: 3, tree };
      const task = randomBinaryTask(5, 99, tree ? 0.3 : 0.6);
      const r = await focusingBP(arch, task, { seed: 5 });
      expect(r.solved).toBe(true);
      expect(countErrors(arch, r.weights, task)).toBe(0);
    }
  });

  it('is deterministic in its seed and cancellable', async () => {
    const task = randomBinaryTask(9, 101, 0.5);
    const arch = { inputs: 101, hidden: 1, tree: false };
    const a = await focusingBP(arch, task, { seed: 9, maxSweeps: 5 });
    const b = await focusingBP(arch, task, { seed: 9, maxSweeps: 5 });
    expect(Array.from(a.magnetizations)).toEqual(Array.from(b.magnetizations));
    const c = await focusingBP(arch, task, { seed: 10, maxSweeps: 5 });
    expect(Array.from(c.magnetizations)).not.toEqual(Array.from(a.magnetizations));
    const signal = { aborted: false };
    let calls = 0;
    const run = focusingBP(
      arch,
      task,
      { seed: 9 },
      {
        signal,
        onProgress: () => {
          if (++calls === 3) signal.aborted = true;
        },
      },
    );
    await expect(run).rejects.toBeInstanceOf(CancelledError);
  });
});
