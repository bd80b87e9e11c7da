/**
 * ±1-weight perceptrons, committee machines (SCIENCE.md §2) and parity machines on ±1 patterns,
 * in exact integer arithmetic. Hidden unit k has the integer field λ_μk = Σ_i w_ki ξ_μ,i (over all
 * N inputs when fully connected, over its own block of N/K inputs for a tree) and the sign
 * σ_μk = sign(λ_μk). A committee outputs the majority sign(Σ_k σ_μk); a parity machine the product
 * Π_k σ_μk. K = 1 is the perceptron for both. A zero field (even fan-in) casts no vote in a
 * committee and makes a parity machine's product 0; a tied or zero output counts as an error,
 * like `models/perceptron.ts`.
 */
import type { BinaryTask } from './binaryTask';

/** How the hidden signs make the output: majority vote, or their product. */
export type BinaryMachine = 'committee' | 'parity';

/** The shape of a ±1 network. */
export interface BinaryArchitecture {
  /** Input dimension N. */
  readonly inputs: number;
  /** Hidden units K (odd for a committee); 1 is the perceptron. */
  readonly hidden: number;
  /** Tree: unit k sees only inputs k·N/K … (k+1)·N/K − 1. */
  readonly tree: boolean;
  /** Output rule (default 'committee'). */
  readonly machine?: BinaryMachine;
}

/** Whether `arch` is a parity machine (the output is the product of the hidden signs). */
export function isParity(arch: BinaryArchitecture): boolean {
  return arch.machine === 'parity';
}

/**
 * Weights of a ±1 network, unit-major: w_ki = `w[k * fanIn + i]` ∈ {−1, +1}, fanIn = N (fully
 * connected) or N/K (tree). Length K·fanIn (the "N" of local-entropy fractions).
 */
export type BinaryWeights = Int8Array;

/**
 * The architecture's fan-in per unit (N, or N/K for a tree) after checking K ≥ 1 (odd for a
 * committee) and K | N for a tree.
 */
export function fanIn(arch: BinaryArchitecture): number {
  const { inputs: n, hidden: k } = arch;
  if (!(Number.isInteger(k) && k >= 1) || (k % 2 === 0 && !isParity(arch)))
    throw new RangeError(`a ±1 committee needs an odd K, got ${k}`);
  if (arch.tree && n % k !== 0) throw new RangeError(`tree: K=${k} must divide N=${n}`);
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

/**
 * The output's pre-sign of one pattern from its K fields at `fields[offset…]`: the vote sum
 * Σ_k sign(λ_k) of a committee, the product Π_k sign(λ_k) ∈ {−1, 0, 1} of a parity machine. The
 * pattern is right when y times it is > 0.
 */
export function outputVote(parity: boolean, fields: Int32Array, offset: number, k: number): number {
  let v = parity ? 1 : 0;
  if (parity) for (let u = 0; u < k; u++) v *= Math.sign(fields[offset + u]!);
  else for (let u = 0; u < k; u++) v += Math.sign(fields[offset + u]!);
  return v;
}

/**
 * The margin y·outputVote of a pattern after unit `unit`'s sign changes from `before` to `after`
 * (both in {−1, 0, 1}), from its margin before. Committee: margin + y·(after − before). Parity:
 * margin·before·after when before ≠ 0 (the product's other factors are margin·before/y);
 * otherwise the other units' signs are read from `fields[offset…]`. O(1), O(K) in that case.
 */
export function marginAfter(
  parity: boolean,
  margin: number,
  y: number,
  before: number,
  after: number,
  fields: Int32Array,
  offset: number,
  unit: number,
  k: number,
): number {
  if (!parity) return margin + y * (after - before);
  if (before !== 0) return margin * before * after;
  let v = y * after;
  for (let u = 0; u < k && v !== 0; u++) if (u !== unit) v *= Math.sign(fields[offset + u]!);
  return v;
}

/**
 * Adds step·ξ_μ,column to unit `unit`'s field λ_μ,unit of every pattern (a flip of weight
 * (unit, column) has step = −2·w), updates `margins` (y·outputVote) where its sign changes, and
 * returns the change of the error count. `fields` is [P, K]. O(P).
 */
export function shiftUnitField(
  parity: boolean,
  task: BinaryTask,
  k: number,
  fields: Int32Array,
  margins: Int32Array,
  unit: number,
  column: number,
  step: number,
): number {
  const n = task.inputs;
  let delta = 0;
  for (let mu = 0; mu < task.count; mu++) {
    const idx = mu * k + unit;
    const value = fields[idx]! + step * task.xi[mu * n + column]!;
    const before = Math.sign(fields[idx]!);
    const after = Math.sign(value);
    fields[idx] = value;
    if (after === before) continue;
    const old = margins[mu]!;
    const margin = marginAfter(parity, old, task.y[mu]!, before, after, fields, mu * k, unit, k);
    margins[mu] = margin;
    delta += (margin <= 0 ? 1 : 0) - (old <= 0 ? 1 : 0);
  }
  return delta;
}

/** Number of training errors of the sign network: patterns with y·outputVote ≤ 0. */
export function countErrors(arch: BinaryArchitecture, w: BinaryWeights, task: BinaryTask): number {
  const f = hiddenFields(arch, w, task);
  const parity = isParity(arch);
  let errors = 0;
  for (let mu = 0; mu < task.count; mu++)
    if (task.y[mu]! * outputVote(parity, f, mu * arch.hidden, arch.hidden) <= 0) errors++;
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
  /** y_μ·outputVote per pattern (`outputVote`): > 0 correct. */
  readonly margins: Int32Array;
  private errorCount: number;
  private readonly m: number;
  private readonly parity: boolean;

  constructor(arch: BinaryArchitecture, w: BinaryWeights, task: BinaryTask) {
    this.arch = arch;
    this.task = task;
    this.m = fanIn(arch);
    this.parity = isParity(arch);
    this.weights = Int8Array.from(w);
    this.fields = hiddenFields(arch, this.weights, task);
    this.margins = new Int32Array(task.count);
    let errors = 0;
    for (let mu = 0; mu < task.count; mu++) {
      const v = task.y[mu]! * outputVote(this.parity, this.fields, mu * arch.hidden, arch.hidden);
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
      const before = Math.sign(fields[idx]!);
      const after = Math.sign(fields[idx]! + step * task.xi[mu * n + column]!);
      if (after === before) continue;
      const old = margins[mu]!;
      const margin = marginAfter(
        this.parity,
        old,
        task.y[mu]!,
        before,
        after,
        fields,
        mu * k,
        unit,
        k,
      );
      delta += (margin <= 0 ? 1 : 0) - (old <= 0 ? 1 : 0);
    }
    return delta;
  }

  /** Flips weight j and updates every field, margin and the error count. O(P). */
  flip(j: number): void {
    const { unit, column } = this.locate(j);
    const step = -2 * this.weights[j]!;
    this.weights[j] = -this.weights[j]!;
    this.errorCount += shiftUnitField(
      this.parity,
      this.task,
      this.arch.hidden,
      this.fields,
      this.margins,
      unit,
      column,
      step,
    );
  }
}
