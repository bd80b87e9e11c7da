/**
 * Least-action learning for ±1-weight committee and parity machines, and an entropy-driven greedy
 * variant.
 *
 * Least action (Nilsson's learning machine; Mitchison & Durbin 1989): when a pattern is
 * misclassified, of the hidden units whose sign disagrees with their target t_k, t_k·λ_k ≤ 0,
 * change only the one with the smallest |λ_k| — the least change that can fix the output. A
 * committee unit's target is the label, t_k = y; a parity unit's is the sign that makes the
 * product right given the other units, t_k = y·Π_{l≠k} sign(λ_l) (a zero field counts as +1):
 * on a wrong pattern every parity unit misses its target, and the weakest is changed. The
 * perceptron step acts on hidden integer states, as in the clipped perceptron: w_ki = sign(h_ki),
 * h_ki odd in [−H, H], h_ki ← clip(h_ki + 2·t_k·ξ_ki). Using clipped hidden states for ±1 weights
 * is Flatland's own variant of the rule (the public descriptions are for continuous weights).
 *
 * Entropic variant (Flatland's own variant): additionally, a correctly classified pattern held
 * by a bare majority ((K + 1)/2 right votes; for a parity machine every right pattern, since any
 * one unit's change flips the product) whose weakest right unit has stability t_k·λ_k/√fanIn
 * below a margin θ_t gets the same step on that unit. θ_t decays linearly from θ₀ to 0 over
 * `annealSweeps`, so the run first pushes every pattern away from its decision boundary — towards
 * weights that survive flips, i.e. wide flat regions — and still ends at zero errors. It stops
 * at a sweep with no update at all (zero errors, every margin met).
 */
import { checkpoint } from '../linalg/checkpoint';
import { createRng, randomPermutation } from '../random';
import type { ChunkOptions } from '../types';
import type { BinaryArchitecture } from './binaryNetwork';
import { countErrors, fanIn, isParity, unitOffset, weightCount } from './binaryNetwork';
import type { BinaryTask } from './binaryTask';
import type { BinaryTrainingResult } from './clippedPerceptron';

export interface LeastActionOptions {
  /** Hidden states from `createRng(seed, 'init')`, presentation orders from `createRng(seed, 'batches')`. */
  seed: number;
  /** 'leastAction' (default) or 'entropic'. */
  variant?: 'leastAction' | 'entropic';
  /** Passes over the training set at most (default 1000). */
  maxSweeps?: number;
  /** Hidden-state bound H, odd (default 63). */
  hiddenBound?: number;
  /** Entropic: initial margin θ₀ on y·λ_k/√fanIn (default 1.5). */
  margin?: number;
  /** Entropic: sweeps over which θ decays to 0 (default 400). */
  annealSweeps?: number;
}

/** Trains a ±1 committee (any odd K) or parity machine, fully connected or tree, by least action. */
export async function leastAction(
  arch: BinaryArchitecture,
  task: BinaryTask,
  options: LeastActionOptions,
  opts: ChunkOptions = {},
): Promise<BinaryTrainingResult> {
  const m = fanIn(arch);
  const K = arch.hidden;
  const n = task.inputs;
  const entropic = options.variant === 'entropic';
  const maxSweeps = options.maxSweeps ?? 1000;
  const bound = options.hiddenBound ?? 63;
  const theta0 = entropic ? (options.margin ?? 1.5) : 0;
  const annealSweeps = options.annealSweeps ?? 400;
  const initRng = createRng(options.seed, 'init');
  const hidden = Int32Array.from({ length: weightCount(arch) }, () => initRng.sign());
  const w = Int8Array.from(hidden, Math.sign);
  const orderRng = createRng(options.seed, 'batches');
  const parity = isParity(arch);
  /** Per unit: its field λ_k, then its stability t_k·λ_k (t_k its target sign). */
  const raw = new Float64Array(K);
  const fields = new Float64Array(K);
  const targets = new Int8Array(K);
  const sqrtM = Math.sqrt(m);

  /** The clipped perceptron step on unit k towards sign y for pattern μ. */
  const step = (mu: number, k: number, y: number): void => {
    const x0 = mu * n + unitOffset(arch, k);
    const w0 = k * m;
    for (let i = 0; i < m; i++) {
      let h = hidden[w0 + i]! + 2 * y * task.xi[x0 + i]!;
      h = h > bound ? bound : h < -bound ? -bound : h;
      hidden[w0 + i] = h;
      w[w0 + i] = h > 0 ? 1 : -1;
    }
  };

  const history: number[] = [];
  let errors = countErrors(arch, w, task);
  let sweeps = 0;
  await checkpoint(opts, 0);
  while (sweeps < maxSweeps) {
    const theta = theta0 * Math.max(0, 1 - sweeps / annealSweeps) * sqrtM;
    if (errors === 0 && theta === 0) break;
    let updates = 0;
    for (const mu of randomPermutation(orderRng, task.count)) {
      const y = task.y[mu]!;
      let votes = parity ? 1 : 0;
      for (let k = 0; k < K; k++) {
        const x0 = mu * n + unitOffset(arch, k);
        const w0 = k * m;
        let s = 0;
        for (let i = 0; i < m; i++) s += w[w0 + i]! * task.xi[x0 + i]!;
        raw[k] = s;
        if (parity) votes *= Math.sign(s);
        else votes += Math.sign(s);
      }
      const margin = y * votes;
      for (let k = 0; k < K; k++) {
        let t = y;
        if (parity) for (let l = 0; l < K; l++) if (l !== k && raw[l]! < 0) t = -t;
        targets[k] = t;
        fields[k] = t * raw[k]!;
      }
      if (margin <= 0) {
        // Least action: the wrong-voting unit nearest to its threshold.
        let best = -1;
        for (let k = 0; k < K; k++)
          if (fields[k]! <= 0 && (best < 0 || -fields[k]! < -fields[best]!)) best = k;
        if (best >= 0) {
          step(mu, best, targets[best]!);
          updates++;
        }
      } else if (theta > 0 && margin === 1) {
        // Bare majority (every right parity pattern): strengthen its weakest right unit.
        let best = -1;
        for (let k = 0; k < K; k++)
          if (fields[k]! > 0 && (best < 0 || fields[k]! < fields[best]!)) best = k;
        if (best >= 0 && fields[best]! < theta) {
          step(mu, best, targets[best]!);
          updates++;
        }
      }
    }
    sweeps++;
    errors = countErrors(arch, w, task);
    history.push(errors);
    if (sweeps % 10 === 0) await checkpoint(opts, sweeps / maxSweeps);
    if (updates === 0 && errors === 0) break;
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
