/**
 * The ±1-network job: its machine field defaults to the committee, and a parity job gives the
 * device comparison's parity curve for the same seed, solver and budget.
 */
import { describe, expect, it } from 'vitest';
import { compareDevices } from '../../core/binary/compareDevices';
import type { BinaryJob } from '../../protocol/jobs/binaryJob';
import { runBinaryJob } from './runBinaryJob';

const job: BinaryJob = {
  kind: 'binary',
  inputs: 45,
  hidden: 3,
  tree: true,
  alpha: 0.2,
  solvers: ['entropicLeastAction', 'annealing'],
  sweeps: 600,
  distances: [0.02, 0.1],
  samples: 60,
  seed: 2,
};

describe('runBinaryJob', () => {
  it('runs a committee by default and a parity machine when asked, as compareDevices does', async () => {
    const plain = await runBinaryJob(job, {});
    const committee = await runBinaryJob({ ...job, machine: 'committee' }, {});
    const parity = await runBinaryJob({ ...job, machine: 'parity' }, {});
    expect(committee).toEqual(plain);
    const both = await compareDevices({ ...job, seeds: [2], solver: 'entropicLeastAction' });
    const [c, p] = both.curves;
    expect(plain.results[0]).toMatchObject({ solved: c!.solved, sweeps: c!.sweeps });
    expect(Array.from(plain.results[0]!.fraction)).toEqual(Array.from(c!.fraction));
    expect(parity.results[0]).toMatchObject({ solved: p!.solved, sweeps: p!.sweeps });
    expect(Array.from(parity.results[0]!.fraction)).toEqual(Array.from(p!.fraction));
    expect(p!.machine).toBe('parity');
    // The machine reached the solvers: the same seed trains other weights.
    expect(parity.results.map((r) => r.sweeps)).not.toEqual(plain.results.map((r) => r.sweeps));
  });
});
