/**
 * The ±1-network job: each chosen solver on the same random patterns within the same sweep
 * budget, then the Hamming local entropy of what it found (SCIENCE.md §5 "Local entropy").
 */
import type { BinaryArchitecture, BinaryWeights } from '../../core/binary/binaryNetwork';
import { randomBinaryTask } from '../../core/binary/binaryTask';
import { clippedPerceptron, type BinaryTrainingResult } from '../../core/binary/clippedPerceptron';
import { focusingBP } from '../../core/binary/focusingBP';
import { hammingLocalEntropy } from '../../core/binary/hammingLocalEntropy';
import { leastAction } from '../../core/binary/leastAction';
import { simulatedAnnealing } from '../../core/binary/simulatedAnnealing';
import { progressRange } from '../../core/linalg/checkpoint';
import type { ChunkOptions } from '../../core/types';
import type {
  BinaryJob,
  BinaryResult,
  BinarySolver,
  BinarySolverResult,
} from '../../protocol/jobs/binaryJob';

interface Found {
  readonly weights: BinaryWeights;
  readonly errors: number;
  readonly solved: boolean;
  readonly sweeps: number;
}

async function solve(
  solver: BinarySolver,
  arch: BinaryArchitecture,
  job: BinaryJob,
  task: ReturnType<typeof randomBinaryTask>,
  opts: ChunkOptions,
): Promise<Found> {
  const seed = job.seed;
  switch (solver) {
    case 'focusingBP':
      // The whole protocol, not the first solution: it goes deeper into the dense region.
      return focusingBP(arch, task, { seed, maxSweeps: job.sweeps, stopAtSolution: false }, opts);
    case 'clippedPerceptron': {
      if (arch.hidden !== 1)
        throw new Error('the clipped perceptron trains perceptrons (K = 1) only');
      const r: BinaryTrainingResult = await clippedPerceptron(
        task,
        { seed, maxSweeps: job.sweeps },
        opts,
      );
      return r;
    }
    case 'annealing':
      return simulatedAnnealing(arch, task, { seed, maxSweeps: job.sweeps }, opts);
    case 'leastAction':
      return leastAction(arch, task, { seed, maxSweeps: job.sweeps, variant: 'leastAction' }, opts);
    case 'entropicLeastAction':
      return leastAction(arch, task, { seed, maxSweeps: job.sweeps, variant: 'entropic' }, opts);
  }
}

export async function runBinaryJob(job: BinaryJob, opts: ChunkOptions): Promise<BinaryResult> {
  const arch: BinaryArchitecture = { inputs: job.inputs, hidden: job.hidden, tree: job.tree };
  const task = randomBinaryTask(job.seed, job.inputs, job.alpha);
  const results: BinarySolverResult[] = [];
  const share = 1 / Math.max(1, job.solvers.length);
  for (const [i, solver] of job.solvers.entries()) {
    const found = await solve(
      solver,
      arch,
      job,
      task,
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
