/**
 * SCIENCE.md §6.5 and §6.7 (norm schedule), after Baldassi, Pittorino & Zecchina 2020: which
 * minima a perceptron finds depends on the loss's γ — and, with a free norm, on how fast the norm
 * (hence the effective γ‖w‖/√N) grows.
 */
import { makeOptimizerSpec } from '../../core/optimizers/optimizerSpec';
import { SPEC_VERSION, type ExperimentSpec } from '../experimentSpec';
import { fmt, last, localEnergy, missing, runOf, series, shellFractionNear } from './checks';
import type { Preset } from './preset';

const FLATNESS = {
  sigmas: [0.01, 0.03, 0.1, 0.3],
  radii: [0.02, 0.05, 0.1, 0.2, 0.4],
  draws: 48,
  tolerance: 0,
} as const;

/** Random ±1 patterns, N = 201, α = 1 (half the spherical capacity). */
const patterns: ExperimentSpec['dataset'] = { kind: 'randomPatterns', n: 201, alpha: 1 };

export const perceptronPreset: Preset = {
  id: 'perceptron',
  title: 'Cross-entropy finds wide minima of the error',
  phenomenon: '§6.5',
  explanation:
    'A spherical perceptron (‖w‖² = N) stores random ±1 patterns at load α = 1. Its training ' +
    'loss is Baldassi’s cross-entropy ℓ_γ(x) = softplus(−2γx)/(2γ) on the stability x. At ' +
    'moderate γ the loss keeps pushing every pattern away from the decision boundary, and the ' +
    'solution it reaches sits inside a wide region of solutions of the error loss. At large γ the ' +
    'loss becomes the hinge of the perceptron rule, which stops at the first solution it touches: ' +
    'near the edge of a narrow one. Try loss.gamma=100 in the link.',
  whatToLookAt: [
    'Flatness: the shell fraction — of random points at relative distance d, how many still classify every pattern.',
    'Training curves: the hinge reaches 0 train errors; the smooth loss stops at a few percent.',
  ],
  expected:
    'At γ = 1 the minimum is wide: at the smallest radius the shell fraction is 0.67–0.94 after 300 ' +
    'ticks on wasm (seeds 11–13), at a train error of 5–10% — the smooth loss trades a few errors ' +
    'for margin. At γ = 100 (the perceptron rule’s hinge) the run reaches 0–0.5% train error and ' +
    'the shell fraction drops to 0 on all three seeds: a narrow minimum.',
  narrative: [
    'Random patterns, random labels: nothing to generalize, only a landscape of solutions.',
    'The hinge at γ = 100 reaches zero training errors; the smooth loss at γ = 1 stops at a few percent, with margins.',
    'The question is what their neighbourhoods look like.',
    {
      text: 'The shell fraction probes the neighbourhood: wide minima keep it near 1 as d grows.',
      after: 'flatness',
    },
  ],
  check(doc) {
    const run = runOf(doc, 'sgd');
    const fraction = shellFractionNear(run);
    if (!Number.isFinite(fraction)) return missing('shell fractions');
    const error = last(series(run, 'trainError'));
    const gamma = doc.spec.loss.kind === 'baldassi' ? doc.spec.loss.gamma : Number.NaN;
    // Large γ is the hinge: the check expects a narrow solution there, a wide minimum below.
    const wide = fraction >= 0.5;
    return {
      ok: gamma >= 20 ? !wide && error <= 0.02 : wide && error <= 0.12,
      detail: `γ = ${fmt(gamma)}: train error ${fmt(error)}, shell fraction at the smallest radius ${fmt(fraction)}.`,
    };
  },
  spec: {
    budget: 300,
    version: SPEC_VERSION,
    seed: 11,
    dataset: patterns,
    model: { kind: 'perceptron', norm: 'spherical', field: 'normalized', initScale: 1 },
    loss: { kind: 'baldassi', gamma: 1 },
    runs: [
      {
        id: 'sgd',
        label: 'SGD',
        optimizer: makeOptimizerSpec({ kind: 'sgd', lr: 0.5, batchSize: 20 }),
        seedOffset: 0,
      },
    ],
    tickGradEvals: 5,
    analysis: { every: 30, wait: false, spectrum: 'off', slice: null, flatness: FLATNESS },
  },
};

export const normPreset: Preset = {
  id: 'norm',
  title: 'Slow vs fast growth of the weight norm',
  phenomenon: '§6.7',
  explanation:
    'With a free norm and the raw field w·ξ/√N, the cross-entropy’s effective γ is γ‖w‖/√N: ' +
    'growing the norm anneals γ. Two runs of the same SGD from the same weights differ only in ' +
    'their norm schedule: ‖w‖ grows by 0.01% per step (slow) or by 0.1% per step (fast). The slow one ' +
    'lets the loss shape the solution while γ is small; the fast one turns the loss into a hinge ' +
    'almost at once.',
  whatToLookAt: [
    'Training curves: the weight norm of each run.',
    'Flatness: shell fraction and local energy of the two solutions.',
  ],
  expected:
    'The slowly grown solution fits better and is the wider one: after 300 ticks on wasm its train ' +
    'error is 4–12% against 11–21% and its shell fraction higher (seed 11: 0.54 vs 0.48; 12: 0.31 ' +
    'vs 0.25; 13: 0.81 vs 0.65; 14: 1 vs 0.54; 15: 0.58 vs 0.38). A soft effect: on seed 16 the ' +
    'fast run’s shell fraction is the higher one (0.81 vs 0.65), though its train error is twice ' +
    'the slow run’s.',
  narrative: [
    'The same perceptron, the same data, the same SGD — only the norm schedule differs.',
    'A growing norm sharpens the loss: watch how fast each run’s norm climbs.',
    { text: 'Then compare their neighbourhoods in the flatness panel.', after: 'flatness' },
  ],
  check(doc) {
    const slow = runOf(doc, 'slow');
    const fast = runOf(doc, 'fast');
    const [fs, ff] = [shellFractionNear(slow), shellFractionNear(fast)];
    const [es, ef] = [localEnergy(slow, 0.1, 'error'), localEnergy(fast, 0.1, 'error')];
    if (!Number.isFinite(fs) || !Number.isFinite(ff)) return missing('shell fractions');
    const errors = [last(series(slow, 'trainError')), last(series(fast, 'trainError'))];
    return {
      ok: (errors[0] ?? 1) <= (errors[1] ?? 0) && (fs > ff || (fs === ff && es < ef)),
      detail: `train error slow ${fmt(errors[0] ?? NaN)}, fast ${fmt(errors[1] ?? NaN)}; shell fraction slow ${fmt(fs)}, fast ${fmt(ff)}; δE_error(0.1) slow ${fmt(es)}, fast ${fmt(ef)}.`,
    };
  },
  spec: {
    budget: 300,
    version: SPEC_VERSION,
    seed: 11,
    dataset: patterns,
    model: { kind: 'perceptron', norm: 'free', field: 'raw', initScale: 1 },
    loss: { kind: 'baldassi', gamma: 1 },
    runs: [
      {
        id: 'slow',
        label: 'slow norm growth',
        optimizer: makeOptimizerSpec({
          kind: 'sgd',
          lr: 0.5,
          batchSize: 20,
          normSchedule: { kind: 'grow', rate: 1e-4 },
        }),
        seedOffset: 0,
      },
      {
        id: 'fast',
        label: 'fast norm growth',
        optimizer: makeOptimizerSpec({
          kind: 'sgd',
          lr: 0.5,
          batchSize: 20,
          normSchedule: { kind: 'grow', rate: 1e-3 },
        }),
        seedOffset: 0,
      },
    ],
    tickGradEvals: 5,
    analysis: { every: 30, wait: false, spectrum: 'off', slice: null, flatness: FLATNESS },
  },
};
