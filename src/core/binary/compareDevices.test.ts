import { describe, expect, it } from 'vitest';
import { CancelledError } from '../cancel';
import { countErrors } from './binaryNetwork';
import { randomBinaryTask } from './binaryTask';
import { compareDevices, summarizeDevices } from './compareDevices';
import { hammingLocalEntropy } from './hammingLocalEntropy';
import { solveBinary } from './solveBinary';

const spec = {
  inputs: 45,
  hidden: 3,
  tree: true,
  alpha: 0.2,
  seeds: [1, 2],
  solver: 'entropicLeastAction',
  sweeps: 600,
  distances: [0.02, 0.1],
  samples: 60,
} as const;

describe('compareDevices', () => {
  it('runs both machines on each seed and measures what the solver returned', async () => {
    const c = await compareDevices(spec);
    expect(Array.from(c.distances)).toEqual([0.02, 0.1]);
    expect(Array.from(c.flips)).toEqual([Math.round(0.02 * 45), Math.round(0.1 * 45)]);
    expect(c.curves.map((r) => [r.seed, r.machine])).toEqual([
      [1, 'committee'],
      [1, 'parity'],
      [2, 'committee'],
      [2, 'parity'],
    ]);
    for (const r of c.curves) {
      // Each curve is the solver's own solution measured with the seed's flips.
      const arch = { inputs: 45, hidden: 3, tree: true, machine: r.machine };
      const task = randomBinaryTask(r.seed, 45, 0.2);
      const found = await solveBinary(spec.solver, arch, task, { seed: r.seed, sweeps: 600 });
      expect(r.solved).toBe(true);
      expect(countErrors(arch, found.weights, task)).toBe(0);
      expect(r.sweeps).toBe(found.sweeps);
      const h = await hammingLocalEntropy(arch, found.weights, task, {
        distances: spec.distances,
        samples: spec.samples,
        seed: r.seed,
      });
      expect(Array.from(r.fraction)).toEqual(Array.from(h.fraction));
      expect(Array.from(r.localEntropy)).toEqual(Array.from(h.localEntropy));
      for (const [i, s] of r.localEntropy.entries())
        expect(s).toBeLessThanOrEqual(c.shellEntropy[i]!);
    }
    const summary = summarizeDevices(c);
    expect(summary.map((s) => [s.machine, s.runs, s.solved])).toEqual([
      ['committee', 2, 2],
      ['parity', 2, 2],
    ]);
    for (const s of summary) {
      const own = c.curves.filter((r) => r.machine === s.machine);
      expect(s.mean[0]).toBeCloseTo((own[0]!.fraction[0]! + own[1]!.fraction[0]!) / 2, 12);
      expect(s.min[1]).toBe(Math.min(own[0]!.fraction[1]!, own[1]!.fraction[1]!));
      expect(s.max[1]).toBe(Math.max(own[0]!.fraction[1]!, own[1]!.fraction[1]!));
    }
  });

  it('takes the machines asked for, and is cancellable', async () => {
    const one = await compareDevices({ ...spec, seeds: [3], machines: ['parity'] });
    expect(one.curves.map((r) => r.machine)).toEqual(['parity']);
    await expect(compareDevices(spec, { signal: { aborted: true } })).rejects.toBeInstanceOf(
      CancelledError,
    );
  });
});
