/**
 * The ±1-network job: each chosen solver on the same random patterns within the same sweep
 * budget, then the Hamming local entropy of what it found (SCIENCE.md §5 "Local entropy").
 */
import type { BinaryArchitecture } from '../../core/binary/binaryNetwork';
import { randomBinaryTask } from '../../core/binary/binaryTask';
import { hammingLocalEntropy } from '../../core/binary/hammingLocalEntropy';
import { solveBinary } from '../../core/binary/solveBinary';
import { progressRange } from '../../core/linalg/checkpoint';
import type { ChunkOptions } from '../../core/types';
import type { BinaryJob, BinaryResult, BinarySolverResult } from '../../protocol/jobs/binaryJob';

export async function runBinaryJob(job: BinaryJob, opts: ChunkOptions): Promise<BinaryResult> {
  const arch: BinaryArchitecture = {
    inputs: job.inputs,
    hidden: job.hidden,
    tree: job.tree,
    machine: job.machine ?? 'committee',
  };
  const task = randomBinaryTask(job.seed, job.inputs, job.alpha);
  const results: BinarySolverResult[] = [];
  const share = 1 / Math.max(1, job.solvers.length);
  for (const [i, solver] of job.solvers.entries()) {
    const found = await solveBinary(
      solver,
      arch,
      task,
      { seed: job.seed, sweeps: job.sweeps },
      progressRange(opts, i * share, (i + 0.7) * share),
    );
    const entropy = await hammingLocalEntropy(
      arch,
      found.weights,
      task,
      { distances: job.distances, samples: job.samples, seed: job.seed },
      progressRange(opts, (i + 0.7) * share, (i + 1) * share),
    );
    results.push({
      solver,
      solved: found.solved,
      errors: found.errors,
      sweeps: found.sweeps,
      fraction: entropy.fraction,
      localEntropy: entropy.localEntropy,
      shellEntropy: entropy.shellEntropy,
    });
  }
  return { kind: 'binary', distances: Float64Array.from(job.distances), results };
}
