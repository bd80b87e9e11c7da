/**
 * Local entropy of a ±1-weight network (committee or parity machine) by Hamming-shell sampling (Baldassi et al.; SCIENCE.md §5
 * "Local entropy", shell sampling): around a reference w, flip f = round(d·N) weights chosen
 * uniformly (N = all K·fanIn weights) and count how many of the M flipped networks still solve
 * the training set. Isolated ("typical") solutions lose every neighbour at the smallest d; wide
 * flat clusters keep a fraction near 1 — the log-fraction's upper bound, 0 — up to large d.
 */
import { checkpoint } from '../linalg/checkpoint';
import { createRng } from '../random';
import type { ChunkOptions } from '../types';
import type { BinaryArchitecture, BinaryWeights } from './binaryNetwork';
import {
  fanIn,
  hiddenFields,
  isParity,
  outputVote,
  shiftUnitField,
  unitOffset,
  weightCount,
} from './binaryNetwork';
import type { BinaryTask } from './binaryTask';

export interface HammingLocalEntropyOptions {
  /** Relative Hamming distances d ∈ [0, 1]: f = round(d·N) flipped weights. */
  distances: readonly number[];
  /** Flipped networks M per distance (default 200). */
  samples?: number;
  /**
   * Sample m flips a prefix of one random permutation of the weights, drawn from
   * `createRng(seed, 'noise', m)`: the flip sets are nested across distances (common random
   * numbers) and the same for every reference network of the same size.
   */
  seed: number;
  /** A flipped network counts when its training errors are ≤ this (default 0: a solution). */
  maxErrors?: number;
}

export interface HammingLocalEntropy {
  readonly distances: Float64Array;
  /** Number of flipped weights per distance, round(d·N). */
  readonly flips: Int32Array;
  /** Training errors of the reference. */
  readonly baseErrors: number;
  /** Per distance: fraction of the M flipped networks with errors ≤ maxErrors. */
  readonly fraction: Float64Array;
  /** log(fraction) (its upper bound is 0; −∞ when no sample qualifies: then it is < log(1/M)). */
  readonly logFraction: Float64Array;
  /** (1/N)·log C(N, f): the log-volume of the whole Hamming shell, the entropy's upper bound. */
  readonly shellEntropy: Float64Array;
  /** Estimate of the local entropy S(d) = shellEntropy + logFraction / N. */
  readonly localEntropy: Float64Array;
  /** Per distance: mean training-error fraction of the flipped networks. */
  readonly meanError: Float64Array;
}

/** log C(n, k) as a sum of logs (exact enough for n up to ~10⁶). */
export function logBinomial(n: number, k: number): number {
  if (k < 0 || k > n) return -Infinity;
  const kk = Math.min(k, n - k);
  let s = 0;
  for (let i = 1; i <= kk; i++) s += Math.log((n - kk + i) / i);
  return s;
}

/**
 * For each d: M networks w' at Hamming distance f = round(d·N) from w; fraction with
 * E(w') ≤ maxErrors, its log, and S(d) = (1/N)[log C(N, f) + log fraction]. The flips are applied
 * one at a time to a copy of the hidden fields (O(P) each), so a sample costs O(P·f_max).
 * Progress is reported per sample.
 */
export async function hammingLocalEntropy(
  arch: BinaryArchitecture,
  w: BinaryWeights,
  task: BinaryTask,
  options: HammingLocalEntropyOptions,
  opts: ChunkOptions = {},
): Promise<HammingLocalEntropy> {
  const samples = options.samples ?? 200;
  const maxErrors = options.maxErrors ?? 0;
  const total = weightCount(arch);
  const m = fanIn(arch);
  const k = arch.hidden;
  const p = task.count;
  const parity = isParity(arch);
  const distances = Float64Array.from(options.distances);
  const flips = Int32Array.from(distances, (d) => {
    if (!(d >= 0 && d <= 1)) throw new RangeError(`distance ${d} is not in [0, 1]`);
    return Math.round(d * total);
  });
  // Visit distances in increasing flip count, so each sample applies its flips once.
  const order = Array.from(flips.keys()).sort((a, b) => flips[a]! - flips[b]!);
  const maxFlips = flips.length > 0 ? Math.max(...flips) : 0;

  const base = hiddenFields(arch, w, task);
  const baseMargins = Int32Array.from(
    { length: p },
    (_, mu) => task.y[mu]! * outputVote(parity, base, mu * k, k),
  );
  let baseErrors = 0;
  for (const v of baseMargins) if (v <= 0) baseErrors++;

  const inside = new Float64Array(distances.length);
  const errorSum = new Float64Array(distances.length);
  const fields = new Int32Array(base.length);
  const margins = new Int32Array(p);
  const perm = new Int32Array(total);
  await checkpoint(opts, 0);
  for (let s = 0; s < samples; s++) {
    const rng = createRng(options.seed, 'noise', s);
    for (let j = 0; j < total; j++) perm[j] = j;
    fields.set(base);
    margins.set(baseMargins);
    let errors = baseErrors;
    let applied = 0;
    for (const r of order) {
      const target = flips[r]!;
      for (; applied < target && applied < maxFlips; applied++) {
        // Partial Fisher–Yates: the next uniformly chosen not-yet-flipped weight.
        const pick = applied + rng.int(total - applied);
        const j = perm[pick]!;
        perm[pick] = perm[applied]!;
        perm[applied] = j;
        const unit = Math.floor(j / m);
        const column = unitOffset(arch, unit) + (j - unit * m);
        errors += shiftUnitField(parity, task, k, fields, margins, unit, column, -2 * w[j]!);
      }
      if (errors <= maxErrors) inside[r]!++;
      errorSum[r]! += errors / Math.max(1, p);
    }
    if ((s + 1) % 16 === 0 || s + 1 === samples) await checkpoint(opts, (s + 1) / samples);
  }
  const fraction = inside.map((c) => c / samples);
  const logFraction = fraction.map(Math.log);
  const shellEntropy = Float64Array.from(flips, (f) => logBinomial(total, f) / total);
  return {
    distances,
    flips,
    baseErrors,
    fraction,
    logFraction,
    shellEntropy,
    localEntropy: shellEntropy.map((s, r) => s + logFraction[r]! / total),
    meanError: errorSum.map((e) => e / samples),
  };
}
