/**
 * The ±1-network lab's settings and the job they ask for (src/protocol/jobs/binaryJob.ts): what
 * the form holds, made into a job the core accepts, with every adjustment said out loud.
 */
import type { BinaryJob, BinaryMachine, BinarySolver } from '../protocol/jobs/binaryJob';
import { BINARY_SOLVER_IDS, repairBinaryJob } from '../protocol/studies/jobFields';

export const BINARY_SOLVERS: readonly BinarySolver[] = BINARY_SOLVER_IDS;

export const BINARY_SOLVER_LABELS: Readonly<Record<BinarySolver, string>> = {
  focusingBP: 'focusing BP',
  clippedPerceptron: 'clipped perceptron (K = 1)',
  annealing: 'simulated annealing',
  leastAction: 'least action',
  entropicLeastAction: 'entropic least action (Flatland’s own variant)',
};

export const BINARY_MACHINE_LABELS: Readonly<Record<BinaryMachine, string>> = {
  committee: 'committee (majority)',
  parity: 'parity (product)',
};

export interface BinaryLabSettings {
  readonly inputs: number;
  readonly hidden: 1 | 3 | 5;
  readonly tree: boolean;
  readonly machine: BinaryMachine;
  readonly alpha: number;
  readonly solvers: readonly BinarySolver[];
  readonly sweeps: number;
  readonly seed: number;
}

/** Settings that finish in a few seconds on plain JavaScript. */
export const DEFAULT_BINARY_LAB: BinaryLabSettings = {
  inputs: 201,
  hidden: 1,
  tree: false,
  machine: 'committee',
  alpha: 0.4,
  solvers: ['focusingBP', 'annealing', 'clippedPerceptron'],
  sweeps: 400,
  seed: 1,
};

export const BINARY_DISTANCES: readonly number[] = [0.005, 0.01, 0.02, 0.04, 0.08];
export const BINARY_SAMPLES = 100;

/**
 * The job for `s`, and what had to change (N odd, a tree's N = K·m with m odd, the clipped
 * perceptron for K = 1 only: `repairBinaryJob`); the solvers keep the lab's order.
 */
export function binaryJobFor(s: BinaryLabSettings): { job: BinaryJob; notes: string[] } {
  const notes: string[] = [];
  const job = repairBinaryJob(
    {
      kind: 'binary',
      inputs: s.inputs,
      hidden: s.hidden,
      tree: s.tree && s.hidden > 1,
      machine: s.machine,
      alpha: s.alpha,
      solvers: s.solvers,
      sweeps: Math.max(1, Math.round(s.sweeps)),
      distances: BINARY_DISTANCES,
      samples: BINARY_SAMPLES,
      seed: Math.round(s.seed),
    },
    (sentence) => notes.push(sentence),
  );
  return { job, notes };
}
