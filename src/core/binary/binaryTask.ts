/**
 * The training set of a ±1-weight network as small integers: patterns ξ_μ ∈ {±1}^N and labels
 * y_μ ∈ {±1} (SCIENCE.md §1, "random patterns"). Int8 keeps a P×N set compact and the field
 * sums exact.
 */
import { randomPatterns } from '../data/randomPatterns';
import { createRng } from '../random';
import type { Split } from '../types';

export interface BinaryTask {
  /** Input dimension N. */
  readonly inputs: number;
  /** Number of patterns P. */
  readonly count: number;
  /** Patterns, row-major [P, N]: ξ_μi = `xi[μ * N + i]` ∈ {−1, +1}. */
  readonly xi: Int8Array;
  /** Labels y_μ ∈ {−1, +1}. */
  readonly y: Int8Array;
}

/** A ±1 split (inputs and labels all ±1) as a `BinaryTask`; throws on any other value. */
export function binaryTaskFromSplit(split: Split, inputs: number): BinaryTask {
  if (split.x.length !== split.count * inputs)
    throw new RangeError(
      `binaryTask: expected ${split.count * inputs} inputs, got ${split.x.length}`,
    );
  const xi = Int8Array.from(split.x, (v) => {
    if (v !== 1 && v !== -1) throw new RangeError(`binaryTask: input ${v} is not ±1`);
    return v;
  });
  const y = Int8Array.from(split.y, (v) => {
    if (v !== 1 && v !== -1) throw new RangeError(`binaryTask: label ${v} is not ±1`);
    return v;
  });
  return { inputs, count: split.count, xi, y };
}

/**
 * Baldassi's random task: P = round(α·N) uniform ±1 patterns with uniform ±1 labels, drawn from
 * `createRng(seed, 'data')` exactly as `randomPatterns` (so the same seed gives the same set as
 * the 'randomPatterns' data set).
 */
export function randomBinaryTask(seed: number, inputs: number, alpha: number): BinaryTask {
  return binaryTaskFromSplit(randomPatterns(createRng(seed, 'data'), inputs, alpha), inputs);
}
