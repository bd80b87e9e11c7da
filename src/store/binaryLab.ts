/**
 * The ±1-network lab's settings and the job they ask for (src/protocol/jobs/binaryJob.ts): what
 * the form holds, made into a job the core accepts, with every adjustment said out loud.
 */
import type { BinaryJob, BinaryMachine, BinarySolver } from '../protocol/jobs/binaryJob';

export const BINARY_SOLVERS: readonly BinarySolver[] = [
  'focusingBP',
  'clippedPerceptron',
  'annealing',
  'leastAction',
  'entropicLeastAction',
];

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
export const MIN_INPUTS = 51;
export const MAX_INPUTS = 1001;

/** The nearest odd integer to `x` (ties go up). */
function nearestOdd(x: number): number {
  return 2 * Math.round((x - 1) / 2) + 1;
}

/**
 * The job for `s`, and what had to change: N is made odd (a ±1 unit's field is then never 0),
 * for a tree N = K·m with m odd (each unit its own block of m inputs); the clipped perceptron
 * is dropped for K > 1; the solvers keep the lab's order.
 */
export function binaryJobFor(s: BinaryLabSettings): { job: BinaryJob; notes: string[] } {
  const notes: string[] = [];
  const clamped = Math.min(MAX_INPUTS, Math.max(MIN_INPUTS, Math.round(s.inputs)));
  const unit = s.tree ? s.hidden : 1;
  let inputs = unit * nearestOdd(clamped / unit);
  if (inputs > MAX_INPUTS) inputs -= 2 * unit;
  if (inputs !== s.inputs)
    notes.push(
      s.tree && s.hidden > 1
        ? `N = ${inputs}: a tree needs N = K·m with m odd`
        : `N = ${inputs}: N must be odd, within ${MIN_INPUTS}–${MAX_INPUTS}`,
    );
  let solvers = BINARY_SOLVERS.filter((x) => s.solvers.includes(x));
  if (s.hidden !== 1 && solvers.includes('clippedPerceptron')) {
    solvers = solvers.filter((x) => x !== 'clippedPerceptron');
    notes.push('the clipped perceptron trains perceptrons (K = 1) only: left out');
  }
  return {
    job: {
      kind: 'binary',
      inputs,
      hidden: s.hidden,
      tree: s.tree && s.hidden > 1,
      machine: s.machine,
      alpha: s.alpha,
      solvers,
      sweeps: Math.max(1, Math.round(s.sweeps)),
      distances: BINARY_DISTANCES,
      samples: BINARY_SAMPLES,
      seed: Math.round(s.seed),
    },
    notes,
  };
}
