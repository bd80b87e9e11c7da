/**
 * One ±1-network solver by name within a sweep budget: the dispatch shared by the ±1 job and the
 * device comparison, so both run a solver with the same settings.
 */
import type { ChunkOptions } from '../types';
import type { BinaryArchitecture, BinaryWeights } from './binaryNetwork';
import type { BinaryTask } from './binaryTask';
import { clippedPerceptron } from './clippedPerceptron';
import { focusingBP } from './focusingBP';
import { leastAction } from './leastAction';
import { simulatedAnnealing } from './simulatedAnnealing';

export type BinarySolver =
  'focusingBP' | 'clippedPerceptron' | 'annealing' | 'leastAction' | 'entropicLeastAction';

/** What a solver returns: its weights (a solution when `solved`) and the sweeps it spent. */
export interface BinarySolution {
  readonly weights: BinaryWeights;
  readonly errors: number;
  readonly solved: boolean;
  readonly sweeps: number;
}

/**
 * Runs `solver` on `task` from `seed` with at most `sweeps` sweeps. Focusing BP runs its whole
 * protocol rather than stopping at the first solution: it goes deeper into the dense region. The
 * clipped perceptron trains perceptrons (K = 1) only and throws otherwise.
 */
export async function solveBinary(
  solver: BinarySolver,
  arch: BinaryArchitecture,
  task: BinaryTask,
  budget: { readonly seed: number; readonly sweeps: number },
  opts: ChunkOptions = {},
): Promise<BinarySolution> {
  const { seed, sweeps: maxSweeps } = budget;
  switch (solver) {
    case 'focusingBP':
      return focusingBP(arch, task, { seed, maxSweeps, stopAtSolution: false }, opts);
    case 'clippedPerceptron':
      if (arch.hidden !== 1)
        throw new Error('the clipped perceptron trains perceptrons (K = 1) only');
      return clippedPerceptron(task, { seed, maxSweeps }, opts);
    case 'annealing':
      return simulatedAnnealing(arch, task, { seed, maxSweeps }, opts);
    case 'leastAction':
      return leastAction(arch, task, { seed, maxSweeps, variant: 'leastAction' }, opts);
    case 'entropicLeastAction':
      return leastAction(arch, task, { seed, maxSweeps, variant: 'entropic' }, opts);
  }
}
