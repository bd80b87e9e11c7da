/**
 * Local energy (Pittorino, Lucibello, Feinauer, Perugini, Baldassi, Demyanenko & Zecchina 2021,
 * "Entropic gradient descent algorithms and wide flat minima"): how much the training error (or
 * loss) rises, on average, under random weight perturbations of relative size σ.
 */
import { createRng } from '../random';
import type { PointEvaluator } from '../slices/evaluatePoints';
import type { ChunkOptions } from '../types';
import { summarize, type SampleSummary } from './summary';

export interface LocalEnergyOptions {
  /** Noise strengths σ (relative for multiplicative noise, absolute for additive). */
  sigmas: readonly number[];
  /** Draws M per σ (≥ 30; default 30). */
  samples?: number;
  /**
   * 'multiplicative' (default): w' = w + σ z ⊙ w, invariant to rescaling a ReLU layer by c and
   * the next by 1/c. 'additive': w' = w + σ z, which is not.
   */
  noise?: 'multiplicative' | 'additive';
  /**
   * Draw m uses z from `createRng(seed, 'noise', m)` for EVERY σ (common random numbers: the curve
   * is smooth in σ and two networks measured with one seed see the same z).
   */
  seed: number;
}

export interface LocalEnergyCurve {
  readonly sigmas: Float64Array;
  /** E_train(w) and L(w) at the reference point. */
  readonly base: { readonly error: number; readonly loss: number };
  /** Per σ: δE over the M draws (mean, spread, standard error). */
  readonly error: SampleSummary[];
  /** Per σ: the same with the loss in place of the error. */
  readonly loss: SampleSummary[];
}

/**
 * δE(w, σ) = E_z[E_train(w + σ z ⊙ w)] − E_train(w), z ~ N(0, I_D), estimated from M seeded draws,
 * for every σ; and δL likewise for the loss. Flat minima keep δE low over a wide range of σ.
 * Cost M·|σ| evaluations on the whole training set (batched for MLPs); progress per chunk.
 *
 * @param evaluate loss and error of parameter vectors (e.g. `pointEvaluator(objective)`)
 * @param w the reference point [D]
 */
export async function localEnergy(
  evaluate: PointEvaluator,
  w: ArrayLike<number>,
  options: LocalEnergyOptions,
  opts: ChunkOptions = {},
): Promise<LocalEnergyCurve> {
  const samples = options.samples ?? 30;
  const multiplicative = (options.noise ?? 'multiplicative') === 'multiplicative';
  const dim = w.length;
  const sigmas = Float64Array.from(options.sigmas);
  const [base] = await evaluatePair(evaluate, [w]);
  // Every σ's draws in one evaluation: a point's values do not depend on its company, and one
  // call runs a few large batches instead of |σ| small ones.
  const points: Float64Array[] = [];
  for (let s = 0; s < sigmas.length; s++) {
    const sigma = sigmas[s]!;
    for (let m = 0; m < samples; m++) {
      const rng = createRng(options.seed, 'noise', m);
      const p = new Float64Array(dim);
      for (let i = 0; i < dim; i++) {
        const z = rng.normal();
        p[i] = w[i]! + sigma * z * (multiplicative ? w[i]! : 1);
      }
      points.push(p);
    }
  }
  const values = await evaluate(points, opts);
  const error: SampleSummary[] = [];
  const loss: SampleSummary[] = [];
  for (let s = 0; s < sigmas.length; s++) {
    const draws = (v: Float64Array) => v.subarray(s * samples, (s + 1) * samples);
    error.push(summarize(draws(values.error).map((e) => e - base!.error)));
    loss.push(summarize(draws(values.loss).map((l) => l - base!.loss)));
  }
  return { sigmas, base: base!, error, loss };
}

async function evaluatePair(evaluate: PointEvaluator, points: readonly ArrayLike<number>[]) {
  const v = await evaluate(points);
  return points.map((_, i) => ({ error: v.error[i]!, loss: v.loss[i]! }));
}
