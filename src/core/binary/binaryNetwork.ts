/**
 * ±1-weight perceptrons and committee machines (SCIENCE.md §2) on ±1 patterns, in exact integer
 * arithmetic. Hidden unit k has the integer field λ_μk = Σ_i w_ki ξ_μ,i (over all N inputs for a
 * fully connected committee, over its own block of N/K inputs for a tree) and votes sign(λ_μk);
 * the output is sign(Σ_k sign(λ_μk)). K = 1 is the perceptron. A zero field (even fan-in) casts
 * no vote and a tied output counts as an error, like `models/perceptron.ts`.
 */
import type { BinaryTask } from './binaryTask';

/** The shape of a ±1 network. */
export interface BinaryArchitecture {
  /** Input dimension N. */
  readonly inputs: number;
  /** Hidden units K (odd); 1 is the perceptron. */
  readonly hidden: number;
  /** Tree committee: unit k sees only inputs k·N/K … (k+1)·N/K − 1. */
  readonly tree: boolean;
}

/**
 * Weights of a ±1 network, unit-major: w_ki = `w[k * fanIn + i]` ∈ {−1, +1}, fanIn = N (fully
 * connected) or N/K (tree). Length K·fanIn (the "N" of local-entropy fractions).
 */
export type BinaryWeights = Int8Array;

/** The architecture's fan-in per unit (N, or N/K for a tree) after checking K odd and K | N. */
export function fanIn(arch: BinaryArchitecture): number {
  const { inputs: n, hidden: k } = arch;
  if (!(k >= 1) || k % 2 === 0) throw new RangeError(`a ±1 committee needs an odd K, got ${k}`);
  if (arch.tree && n % k !== 0) throw new RangeError(`tree committee: K=${k} must divide N=${n}`);
  return arch.tree ? n / k : n;
}

/** Number of weights K·fanIn. */
export function weightCount(arch: BinaryArchitecture): number {
  return arch.hidden * fanIn(arch);
}

/** First input seen by unit k: 0 (fully connected) or k·N/K (tree). */
export function unitOffset(arch: BinaryArchitecture, k: number): number {
  return arch.tree ? k * fanIn(arch) : 0;
}

/** Uniform random ±1 weights from `sign()` draws. */
export function randomBinaryWeights(
  arch: BinaryArchitecture,
  rng: { sign(): number },
): BinaryWeights {
  return Int8Array.from({ length: weightCount(arch) }, () => rng.sign());
}

/** Hidden fields λ_μk as Int32Array [P, K]: `fields[μ * K + k]`. O(P·K·fanIn). */
export function hiddenFields(
  arch: BinaryArchitecture,
  w: BinaryWeights,
  task: BinaryTask,
): Int32Array {
  const m = fanIn(arch);
  const k = arch.hidden;
  const n = task.inputs;
  if (n !== arch.inputs) throw new RangeError(`task has N=${n}, network ${arch.inputs}`);
  if (w.length !== k * m) throw new RangeError(`expected ${k * m} weights, got ${w.length}`);
  const out = new Int32Array(task.count * k);
  for (let mu = 0; mu < task.count; mu++) {
    for (let u = 0; u < k; u++) {
      const x0 = mu * n + unitOffset(arch, u);
      const w0 = u * m;
      let s = 0;
      for (let i = 0; i < m; i++) s += w[w0 + i]! * task.xi[x0 + i]!;
      out[mu * k + u] = s;
    }
  }
  return out;
}

/** The signed vote sum Σ_k sign(λ_k) of one pattern from its K fields at `fields[offset…]`. */
function voteSum(fields: Int32Array, offset: number, k: number): number {
  let v = 0;
  for (let u = 0; u < k; u++) v += Math.sign(fields[offset + u]!);
  return v;
}

/** Number of training errors of the sign network: patterns with y·Σ_k sign(λ_k) ≤ 0. */
export function countErrors(arch: BinaryArchitecture, w: BinaryWeights, task: BinaryTask): number {
  const f = hiddenFields(arch, w, task);
  let errors = 0;
  for (let mu = 0; mu < task.count; mu++)
    if (task.y[mu]! * voteSum(f, mu * arch.hidden, arch.hidden) <= 0) errors++;
  return errors;
}

/**
 * A network state that keeps every hidden field λ_μk up to date, so a single weight flip costs
 * O(P) (only the flipped weight's unit changes: λ_μk ← λ_μk − 2·w_ki·ξ_μi) instead of O(P·N).
 * Owns a copy of the weights.
 */
export class FieldState {
  readonly arch: BinaryArchitecture;
  readonly task: BinaryTask;
  readonly weights: BinaryWeights;
  /** λ_μk, [P, K]. */
  readonly fields: Int32Array;
  /** y_μ·Σ_k sign(λ_μk) per pattern: > 0 correct. */
  readonly margins: Int32Array;
  private errorCount: number;
  private readonly m: number;

  constructor(arch: BinaryArchitecture, w: BinaryWeights, task: BinaryTask) {
    this.arch = arch;
    this.task = task;
    this.m = fanIn(arch);
    this.weights = Int8Array.from(w);
    this.fields = hiddenFields(arch, this.weights, task);
    this.margins = new Int32Array(task.count);
    let errors = 0;
    for (let mu = 0; mu < task.count; mu++) {
      const v = task.y[mu]! * voteSum(this.fields, mu * arch.hidden, arch.hidden);
      this.margins[mu] = v;
      if (v <= 0) errors++;
    }
    this.errorCount = errors;
  }

  /** Current number of training errors. */
  get errors(): number {
    return this.errorCount;
  }

  /** The input column and unit of weight j. */
  private locate(j: number): { unit: number; column: number } {
    const unit = Math.floor(j / this.m);
    return { unit, column: unitOffset(this.arch, unit) + (j - unit * this.m) };
  }

  /** The change of the error count if weight j were flipped (state unchanged). O(P). */
  flipDelta(j: number): number {
    const { unit, column } = this.locate(j);
    const { task, fields, margins } = this;
    const k = this.arch.hidden;
    const n = task.inputs;
    const step = -2 * this.weights[j]!;
    let delta = 0;
    for (let mu = 0; mu < task.count; mu++) {
      const idx = mu * k + unit;
      const before = fields[idx]!;
      const after = before + step * task.xi[mu * n + column]!;
      const change = Math.sign(after) - Math.sign(before);
      if (change === 0) continue;
      const margin = margins[mu]! + task.y[mu]! * change;
      delta += (margin <= 0 ? 1 : 0) - (margins[mu]! <= 0 ? 1 : 0);
    }
    return delta;
  }

  /** Flips weight j and updates every field, margin and the error count. O(P). */
  flip(j: number): void {
    const { unit, column } = this.locate(j);
    const { task, fields, margins } = this;
    const k = this.arch.hidden;
    const n = task.inputs;
    const step = -2 * this.weights[j]!;
    this.weights[j] = -this.weights[j]!;
    for (let mu = 0; mu < task.count; mu++) {
      const idx = mu * k + unit;
      const before = fields[idx]!;
      const after = before + step * task.xi[mu * n + column]!;
      fields[idx] = after;
      const change = Math.sign(after) - Math.sign(before);
      if (change === 0) continue;
      const old = margins[mu]!;
      const margin = old + task.y[mu]! * change;
      margins[mu] = margin;
      this.errorCount += (margin <= 0 ? 1 : 0) - (old <= 0 ? 1 : 0);
    }
  }
}
