/**
 * The clipped perceptron with stochastic reinforcement (CP+R; Baldassi, J. Stat. Phys. 136, 902
 * (2009), "Generalization learning in a perceptron with binary synapses", arXiv 1211.3024): each
 * ±1 weight w_i = sign(h_i) has a hidden integer state h_i (odd, |h_i| ≤ H). Presenting (ξ, y):
 *
 * - CP: if the pattern is wrong (y·Σ_i w_i ξ_i ≤ θ), every h_i ← h_i + 2·y·ξ_i (clipped to ±H);
 * - R: otherwise, with probability p_s, every h_i ← h_i + 2·w_i (clipped) — an unsupervised,
 *   metaplastic step that deepens the hidden states without changing any weight.
 *
 * p_s = 0 is the plain clipped perceptron (CP). The paper's abstract states the reinforcement
 * rate must stay below √(2/(πN)); the bound H, θ and the default p_s here are Flatland's
 * choices. A "typical solution" baseline for ±1 perceptrons (K = 1).
 */
import { checkpoint } from '../linalg/checkpoint';
import { createRng, randomPermutation } from '../random';
import type { ChunkOptions } from '../types';
import type { BinaryWeights } from './binaryNetwork';
import { countErrors } from './binaryNetwork';
import type { BinaryTask } from './binaryTask';

export interface ClippedPerceptronOptions {
  /** Hidden states from `createRng(seed, 'init')`, presentation orders from `createRng(seed, 'batches')`. */
  seed: number;
  /** Passes over the training set at most (default 1000). */
  maxSweeps?: number;
  /** Hidden-state bound H, odd (default 63). */
  hiddenBound?: number;
  /**
   * Reinforcement probability p_s per correctly classified presentation (default 0.2·√(2/(πN));
   * at 0.5·√(2/(πN)) it already outpaces the error updates near a solution, measured at N = 201).
   */
  reinforcement?: number;
  /** Update threshold θ on the integer stability y·Σ w_i ξ_i (default 0). */
  threshold?: number;
}

export interface BinaryTrainingResult {
  readonly weights: BinaryWeights;
  readonly errors: number;
  readonly solved: boolean;
  /** Passes over the training set run. */
  readonly sweeps: number;
  /** Training errors after each sweep. */
  readonly errorHistory: Int32Array;
}

/** CP+R on a ±1 perceptron; stops at zero training errors or after `maxSweeps`. */
export async function clippedPerceptron(
  task: BinaryTask,
  options: ClippedPerceptronOptions,
  opts: ChunkOptions = {},
): Promise<BinaryTrainingResult> {
  const n = task.inputs;
  const maxSweeps = options.maxSweeps ?? 1000;
  const bound = options.hiddenBound ?? 63;
  const ps = options.reinforcement ?? 0.2 * Math.sqrt(2 / (Math.PI * n));
  const theta = options.threshold ?? 0;
  const arch = { inputs: n, hidden: 1, tree: false };
  const initRng = createRng(options.seed, 'init');
  const hidden = Int32Array.from({ length: n }, () => initRng.sign());
  const w = Int8Array.from(hidden, Math.sign);
  const orderRng = createRng(options.seed, 'batches');
  const history: number[] = [];
  let errors = countErrors(arch, w, task);
  let sweeps = 0;
  const clip = (h: number): number => (h > bound ? bound : h < -bound ? -bound : h);
  await checkpoint(opts, 0);
  while (errors > 0 && sweeps < maxSweeps) {
    for (const mu of randomPermutation(orderRng, task.count)) {
      const x0 = mu * n;
      const y = task.y[mu]!;
      let s = 0;
      for (let i = 0; i < n; i++) s += w[i]! * task.xi[x0 + i]!;
      if (y * s <= theta) {
        for (let i = 0; i < n; i++) {
          const h = clip(hidden[i]! + 2 * y * task.xi[x0 + i]!);
          hidden[i] = h;
          w[i] = h > 0 ? 1 : -1;
        }
      } else if (orderRng.uniform() < ps) {
        for (let i = 0; i < n; i++) hidden[i] = clip(hidden[i]! + 2 * w[i]!);
      }
    }
    sweeps++;
    errors = countErrors(arch, w, task);
    history.push(errors);
    if (sweeps % 10 === 0) await checkpoint(opts, sweeps / maxSweeps);
  }
  await checkpoint(opts, 1);
  return {
    weights: w,
    errors,
    solved: errors === 0,
    sweeps,
    errorHistory: Int32Array.from(history),
  };
}
