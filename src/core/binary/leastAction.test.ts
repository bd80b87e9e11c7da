import { describe, expect, it } from 'vitest';
import { CancelledError } from '../cancel';
import { countErrors } from './binaryNetwork';
import { randomBinaryTask } from './binaryTask';
import { hammingLocalEntropy } from './hammingLocalEntropy';
import { leastAction } from './leastAction';

const arch = { inputs: 99, hidden: 3, tree: false };
const W = 3 * 99;
const distances = [1, 2, 4, 8].map((f) => f / W);

describe('least-action learning on a K = 3 committee (N = 99, α = P/N = 1)', () => {
  it('reaches zero training errors; the entropic variant lands in flatter solutions', async () => {
    // Measured (seeds 1–5, 200 samples), fraction of solutions at 1/2/4 flips:
    //   least action 0.13–0.30 / 0.01–0.08 / 0.00–0.02 (25–72 sweeps)
    //   entropic     0.29–1.00 / 0.07–0.87 / 0.02–0.41 (329–379 sweeps)
    let flatter = 0;
    let sumPlain = 0;
    let sumEntropic = 0;
    for (const seed of [1, 2, 3, 4, 5]) {
      const task = randomBinaryTask(seed, 99, 1);
      const plain = await leastAction(arch, task, { seed });
      const entropic = await leastAction(arch, task, { seed, variant: 'entropic' });
      for (const r of [plain, entropic]) {
        expect(r.solved).toBe(true);
        expect(countErrors(arch, r.weights, task)).toBe(0);
      }
      const opts = { distances, samples: 100, seed: 7 };
      const a = await hammingLocalEntropy(arch, plain.weights, task, opts);
      const b = await hammingLocalEntropy(arch, entropic.weights, task, opts);
      const total = (f: Float64Array) => f.reduce((x, y) => x + y, 0);
      if (total(b.fraction) > total(a.fraction)) flatter++;
      sumPlain += a.fraction[1]!;
      sumEntropic += b.fraction[1]!;
    }
    expect(flatter).toBeGreaterThanOrEqual(4);
    expect(sumEntropic / 5).toBeGreaterThan(sumPlain / 5 + 0.2);
  });

  it('solves a tree committee too; deterministic and cancellable', async () => {
    const tree = { inputs: 99, hidden: 3, tree: true };
    const task = randomBinaryTask(3, 99, 0.3);
    const a = await leastAction(tree, task, { seed: 3 });
    const b = await leastAction(tree, task, { seed: 3 });
    expect(a.solved).toBe(true);
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
    await expect(
      leastAction(tree, task, { seed: 3 }, { signal: { aborted: true } }),
    ).rejects.toBeInstanceOf(CancelledError);
  });
});
