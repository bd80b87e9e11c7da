/**
 * The link fields of each job a study runs (`job.<key>` in `#preset=<study>&…`), with their
 * ranges, in the same `FieldSchema` vocabulary as the experiment's own fields (../specSchema.ts),
 * so one codec (../linkFields.ts) reads both. A study's data set and model, where its job has
 * them, are the study's own and not in the link.
 */
import type { Say } from '../linkFields';
import type { BinaryJob, BinarySolver } from '../jobs/binaryJob';
import type { DevicesJob } from '../jobs/devicesJob';
import { MAX_SEED, type FieldSchema, type ValueType } from '../specSchema';

const int = (min: number, max: number): ValueType => ({ type: 'number', min, max, integer: true });
const num = (min: number, max: number): ValueType => ({ type: 'number', min, max });
const field = (key: string, prop: string, value: ValueType, label: string): FieldSchema => ({
  key,
  prop,
  value,
  label,
});
const SEED = field('seed', 'seed', int(0, MAX_SEED), 'seed');

export const BINARY_SOLVER_IDS: readonly BinarySolver[] = [
  'focusingBP',
  'clippedPerceptron',
  'annealing',
  'leastAction',
  'entropicLeastAction',
];
export const MIN_BINARY_INPUTS = 51;
export const MAX_BINARY_INPUTS = 1001;

export const BINARY_FIELDS: readonly FieldSchema[] = [
  field('n', 'inputs', int(MIN_BINARY_INPUTS, MAX_BINARY_INPUTS), 'N inputs'),
  field(
    'k',
    'hidden',
    { type: 'number', min: 1, max: 5, integer: true, odd: true },
    'hidden units K',
  ),
  field('tree', 'tree', { type: 'boolean' }, 'tree'),
  field('alpha', 'alpha', num(0.01, 2), 'load α = P/N'),
  field(
    'solvers',
    'solvers',
    { type: 'enums', values: BINARY_SOLVER_IDS, minLength: 1 },
    'solvers',
  ),
  field('sweeps', 'sweeps', int(1, 20_000), 'sweeps (budget)'),
  field(
    'd',
    'distances',
    {
      type: 'numbers',
      min: 0.001,
      max: 0.5,
      minLength: 1,
      maxLength: 12,
    },
    'Hamming distances d (fractions of N)',
  ),
  field('samples', 'samples', int(10, 2000), 'flips per distance'),
  SEED,
];

/** The nearest odd integer to `x` (ties go up). */
function nearestOdd(x: number): number {
  return 2 * Math.round((x - 1) / 2) + 1;
}

/** N made odd (a ±1 unit's field is then never 0) and, for a tree, N = K·m with m odd. */
export function repairInputs(n: number, hidden: number, tree: boolean, say: Say): number {
  const clamped = Math.min(MAX_BINARY_INPUTS, Math.max(MIN_BINARY_INPUTS, Math.round(n)));
  const unit = tree ? hidden : 1;
  let inputs = unit * nearestOdd(clamped / unit);
  if (inputs > MAX_BINARY_INPUTS) inputs -= 2 * unit;
  if (inputs !== n)
    say(
      tree
        ? `N = ${inputs}: a tree needs N = K·m with m odd.`
        : `N = ${inputs}: N must be odd, within ${MIN_BINARY_INPUTS}–${MAX_BINARY_INPUTS}.`,
    );
  return inputs;
}

/**
 * `job` made runnable, each change said: N odd (a ±1 unit's field is then never 0) and, for a
 * tree, N = K·m with m odd; no tree for K = 1; the clipped perceptron only for K = 1 (dropped
 * otherwise); the solvers in their canonical order.
 */
export function repairBinaryJob(job: BinaryJob, say: Say): BinaryJob {
  const tree = job.tree && job.hidden > 1;
  const inputs = repairInputs(job.inputs, job.hidden, tree, say);
  let solvers = BINARY_SOLVER_IDS.filter((x) => job.solvers.includes(x));
  if (job.hidden !== 1 && solvers.includes('clippedPerceptron')) {
    solvers = solvers.filter((x) => x !== 'clippedPerceptron');
    say('The clipped perceptron trains perceptrons (K = 1) only: left out.');
  }
  const same =
    inputs === job.inputs &&
    tree === job.tree &&
    solvers.length === job.solvers.length &&
    solvers.every((x, i) => x === job.solvers[i]);
  return same ? job : { ...job, inputs, tree, solvers };
}

/** The solvers that train both a committee and a parity machine. */
export const DEVICE_SOLVERS: readonly BinarySolver[] = [
  'focusingBP',
  'annealing',
  'leastAction',
  'entropicLeastAction',
];

export const DEVICES_FIELDS: readonly FieldSchema[] = [
  ...BINARY_FIELDS.filter((f) => ['n', 'k', 'tree', 'alpha'].includes(f.key)),
  field('solver', 'solver', { type: 'enum', values: DEVICE_SOLVERS }, 'solver (both devices)'),
  ...BINARY_FIELDS.filter((f) => ['sweeps', 'd', 'samples', 'seed'].includes(f.key)),
];

/** A two-device job made runnable: N as `repairInputs` wants it, no tree for K = 1. */
export function repairDevicesJob(job: DevicesJob, say: Say): DevicesJob {
  const tree = job.tree && job.hidden > 1;
  const inputs = repairInputs(job.inputs, job.hidden, tree, say);
  return inputs === job.inputs && tree === job.tree ? job : { ...job, inputs, tree };
}

export const SIMPLE_MODEL_FIELDS: readonly FieldSchema[] = [
  field('C', 'classes', int(2, 10), 'classes C'),
  field('dim', 'dim', int(20, 400), 'parameters D'),
  field('samples', 'samples', int(50, 2000), 'samples P'),
  field('strength', 'clusterStrength', num(0, 20), 'cluster strength'),
  field('scale', 'logitScale', num(0.01, 100), 'logit scale s'),
  SEED,
];

export const GOLDILOCKS_FIELDS: readonly FieldSchema[] = [
  field(
    'r',
    'scales',
    {
      type: 'numbers',
      min: 0.001,
      max: 100,
      minLength: 2,
      maxLength: 12,
    },
    'radii r',
  ),
  field('d', 'subspaceDim', int(1, 200), 'hyperplane dimension d'),
  field('planes', 'hyperplanes', int(1, 10), 'hyperplanes per r'),
  field('steps', 'trainSteps', int(0, 2000), 'SGD steps in the hyperplane'),
  field('lr', 'learningRate', num(1e-4, 10), 'learning rate'),
  field('batch', 'batchSize', int(1, 512), 'batch size'),
  SEED,
];
