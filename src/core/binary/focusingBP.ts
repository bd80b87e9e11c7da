/**
 * Focusing belief propagation (fBP) for ±1-weight perceptrons, committee and parity machines
 * (Baldassi, Borgs, Chayes, Ingrosso, Lucibello, Saglietti, Zecchina, PNAS 2016, "Unreasonable
 * effectiveness of learning neural networks"). Our own TypeScript, following the public reference
 * implementation carlobaldassi/BinaryCommitteeMachineFBP.jl, src/BinaryCommitteeMachineFBP.jl:
 *
 * - messages stored as fields atanh(m) (its `MagT64`; see ./magnetization.ts);
 * - pattern factors of the first layer with the Gaussian (central-limit) approximation —
 *   `theta_node_update_accurate!`;
 * - the output factor Σ_k τ_k (K odd) computed exactly by convolution — `theta_node_update_exact!`
 *   with accuracy2 = :exact (for K = 1 the output factor is the identity and the perceptron
 *   factor sees the label as a hard constraint, field ±∞);
 * - for a parity machine (not in the reference package; Flatland's own extension) the output
 *   factor y = Π_k τ_k is a parity check, whose message is exact without any approximation:
 *   the product of independent ±1 variables has magnetization Π_l m_l, so the message to τ_k is
 *   atanh(y·Π_{l≠k} tanh U_l) (the "tanh rule" of parity-check decoding), U_l the upward fields.
 *   The first layer is unchanged: it never sees how the hidden outputs are combined;
 * - the per-weight focusing factor of y replicas coupled with strength γ to their centre —
 *   `entro_node_update`: u = atanh(tanh γ · tanh[(y − 1)·atanh(tanh γ · tanh h)]), h the cavity
 *   field of the weight;
 * - asynchronous updates in a random order of all factors each sweep, damping
 *   new ← (1 − λ)·new + λ·old on the fields — `iterate!`, `damp`;
 * - per focusing step at most `maxIters` sweeps, stopping at max |Δm| < ε — `converge!`;
 * - decision w = sign(m) (0 ↦ +1), stop as soon as the sign network has zero training errors —
 *   `focusingBP` with `outatzero = true` and `nonbayes_test`.
 *
 * Fully connected and tree committees are both supported (the reference is fully connected; the
 * tree only changes which inputs each unit's factor sees). A parity machine has a gauge symmetry
 * BP cannot break by itself — changing the signs of two whole units leaves every output alone —
 * so its messages start near the symmetric point where the output factor speaks only at second
 * order (Π of small magnetizations); only the random initial messages and focusing move it off.
 */
import { checkpoint } from '../linalg/checkpoint';
import { createRng, randomPermutation } from '../random';
import type { ChunkOptions } from '../types';
import type { BinaryArchitecture, BinaryWeights } from './binaryNetwork';
import { countErrors, fanIn, isParity, unitOffset, weightCount } from './binaryNetwork';
import type { BinaryTask } from './binaryTask';
import type { FocusingProtocol } from './focusingProtocol';
import { DEFAULT_FOCUSING_PROTOCOL, focusingSchedule } from './focusingProtocol';
import { atanhErf, fieldProduct, mixField } from './magnetization';

export interface FocusingBPOptions {
  /** Seed: messages from `createRng(seed, 'init')`, update orders from `createRng(seed, 'batches')`. */
  seed: number;
  /** Focusing protocol (default pseudo-reinforcement with step 0.01, x = ½). */
  protocol?: FocusingProtocol;
  /**
   * BP sweeps per focusing step at most (default 1, as in the package's documented example; 5
   * for a parity machine, whose output factor speaks only at second order: with one sweep per
   * step the decision kept 1–2 errors at N = 99, K = 3 tree, α = 0.3, where 5 solved).
   */
  maxIters?: number;
  /** Convergence threshold on the largest message change, in magnetization (default 1e-3). */
  epsilon?: number;
  /** Damping λ ∈ [0, 1) (default 0.5). */
  damping?: number;
  /** Initial first-layer messages are magnetizations uniform in ±randFact (default 0.1). */
  randFact?: number;
  /** Stop after this many sweeps in total (default: no limit but the protocol's length). */
  maxSweeps?: number;
  /**
   * Stop at the first focusing step whose decision solves the training set (default true, the
   * package's `outatzero`). False runs the whole protocol — deeper into the dense region.
   */
  stopAtSolution?: boolean;
}

export interface FocusingBPResult {
  /**
   * The decision w = sign(m) of the last focusing step that solved the training set, or of the
   * final step if none did.
   */
  readonly weights: BinaryWeights;
  /** Its training errors. */
  readonly errors: number;
  readonly solved: boolean;
  /** Focusing steps run. */
  readonly steps: number;
  /** BP sweeps run (each touches every pattern factor and every focusing factor once). */
  readonly sweeps: number;
  /** Final weight magnetizations tanh(m_ki), unit-major like the weights. */
  readonly magnetizations: Float64Array;
  /** Training errors of sign(m) after each focusing step. */
  readonly errorHistory: Int32Array;
}

/** Fields are clamped here where the package's `MagT64` conversions clamp (`mInf = 30`). */
const FIELD_MAX = 30;
/** The Gaussian approximation's variance floor: keeps fully polarized cavities finite. */
const MIN_VARIANCE = 1e-12;

function damp(next: number, old: number, lambda: number): number {
  return lambda === 0 ? next : next * (1 - lambda) + old * lambda;
}

function clampField(a: number): number {
  return a > FIELD_MAX ? FIELD_MAX : a < -FIELD_MAX ? -FIELD_MAX : a;
}

/**
 * Runs fBP on `task` for a ±1 network of shape `arch` and returns the sign decision. Cost per
 * sweep O(P·K·fanIn) transcendental evaluations (plus O(P·K³) for the output factors).
 * Progress per sweep over the protocol's length; cancellable between sweeps.
 */
export async function focusingBP(
  arch: BinaryArchitecture,
  task: BinaryTask,
  options: FocusingBPOptions,
  opts: ChunkOptions = {},
): Promise<FocusingBPResult> {
  const m = fanIn(arch);
  const K = arch.hidden;
  const n = task.inputs;
  const P = task.count;
  const W = weightCount(arch);
  if (n !== arch.inputs) throw new RangeError(`task has N=${n}, network ${arch.inputs}`);
  const schedule = focusingSchedule(options.protocol ?? DEFAULT_FOCUSING_PROTOCOL);
  const parity = isParity(arch) && K > 1;
  const maxIters = options.maxIters ?? (parity ? 5 : 1);
  const epsilon = options.epsilon ?? 1e-3;
  const lambda = options.damping ?? 0.5;
  const randFact = options.randFact ?? 0.1;
  const maxSweeps = options.maxSweeps ?? Infinity;
  const stopAtSolution = options.stopAtSolution ?? true;
  if (!(lambda >= 0 && lambda < 1))
    throw new RangeError(`damping must be in [0, 1), got ${lambda}`);

  // Messages (fields). uw: pattern μ, unit k → weight (k, i); ux: focusing factor → weight;
  // Uup: unit factor (μ, k) → hidden output τ_μk; udown: output factor μ → τ_μk.
  const uw = new Float64Array(P * W);
  const mw = new Float64Array(W);
  const ux = new Float64Array(W);
  const Uup = new Float64Array(P * K);
  const udown = new Float64Array(P * K);
  const initRng = createRng(options.seed, 'init');
  for (let mu = 0; mu < P; mu++)
    for (let j = 0; j < W; j++) {
      const u = Math.atanh(randFact * (2 * initRng.uniform() - 1));
      uw[mu * W + j] = u;
      mw[j]! += u;
    }
  // Parity gauge: flipping two whole units changes no output, so every weight's exact marginal
  // is 0 and BP sits there. Clamping the first weight of units 0…K−2 to +1 keeps one
  // representative of each class of solutions (any solution maps to one by flipping unit k
  // together with unit K−1) and gives the messages a direction.
  if (parity) for (let k = 0; k < K - 1; k++) mw[k * m]! += FIELD_MAX;
  const orderRng = createRng(options.seed, 'batches');

  // The convergence test needs message changes only when a step may run several sweeps.
  const trackDiff = maxIters > 1;
  const cavity = new Float64Array(m);
  const tanhCavity = new Float64Array(m);

  /** One first-layer factor (μ, k) with output cavity field H; returns the largest |Δu|. */
  const unitFactor = (mu: number, k: number, H: number): number => {
    const x0 = mu * n + unitOffset(arch, k);
    const w0 = k * m;
    const u0 = mu * W + w0;
    let variance = 0;
    let mean = 0;
    for (let i = 0; i < m; i++) {
      const h = mw[w0 + i]! - uw[u0 + i]!;
      const t = Math.tanh(h);
      cavity[i] = h;
      tanhCavity[i] = t;
      variance += 1 - t * t;
      mean += t * task.xi[x0 + i]!;
    }
    variance = Math.max(variance, MIN_VARIANCE);
    const up = mu * K + k;
    Uup[up] = damp(atanhErf(mean / Math.sqrt(2 * variance)), Uup[up]!, lambda);
    let diff = 0;
    for (let i = 0; i < m; i++) {
      const xi = task.xi[x0 + i]!;
      const t = tanhCavity[i]!;
      const meanOthers = mean - xi * t;
      const sd = Math.sqrt(2 * Math.max(variance - (1 - t * t), MIN_VARIANCE));
      const next = mixField(H, atanhErf((meanOthers + xi) / sd), atanhErf((meanOthers - xi) / sd));
      const old = uw[u0 + i]!;
      if (trackDiff) diff = Math.max(diff, Math.abs(Math.tanh(next) - Math.tanh(old)));
      const u = damp(next, old, lambda);
      uw[u0 + i] = u;
      mw[w0 + i] = cavity[i]! + u;
    }
    return diff;
  };

  const plus = new Float64Array(K);
  const dist = new Float64Array(K + 1);
  /** The exact output factor of pattern μ: y_μ = sign(Σ_k τ_k); returns the largest |Δu|. */
  const outputFactor = (mu: number): number => {
    const y = task.y[mu]!;
    for (let k = 0; k < K; k++) plus[k] = 1 / (1 + Math.exp(-2 * Uup[mu * K + k]!));
    const tie = (K - 1) / 2;
    let diff = 0;
    for (let k = 0; k < K; k++) {
      // Distribution of the number of +1 votes among the other K − 1 units.
      dist.fill(0);
      dist[0] = 1;
      let count = 0;
      for (let l = 0; l < K; l++) {
        if (l === k) continue;
        const p = plus[l]!;
        for (let j = count + 1; j >= 1; j--) dist[j] = dist[j]! * (1 - p) + dist[j - 1]! * p;
        dist[0] = dist[0] * (1 - p);
        count++;
      }
      let pp = 0;
      let pm = 0;
      for (let j = 0; j < K; j++) {
        if (j > tie) pp += dist[j]!;
        else if (j < tie) pm += dist[j]!;
      }
      const pz = dist[tie]!;
      const [num, den] = y > 0 ? [pp + pz, pp] : [pm, pm + pz];
      const next = num === 0 && den === 0 ? 0 : clampField(0.5 * (Math.log(num) - Math.log(den)));
      const idx = mu * K + k;
      const old = udown[idx]!;
      diff = Math.max(diff, Math.abs(Math.tanh(next) - Math.tanh(old)));
      udown[idx] = damp(next, old, lambda);
    }
    return diff;
  };

  /** The parity output factor of pattern μ: y_μ = Π_k τ_k; returns the largest |Δu|. */
  const parityFactor = (mu: number): number => {
    let diff = 0;
    for (let k = 0; k < K; k++) {
      let v = task.y[mu]! * Infinity;
      for (let l = 0; l < K; l++) if (l !== k) v = fieldProduct(Uup[mu * K + l]!, v);
      const next = clampField(v);
      const idx = mu * K + k;
      const old = udown[idx]!;
      diff = Math.max(diff, Math.abs(Math.tanh(next) - Math.tanh(old)));
      udown[idx] = damp(next, old, lambda);
    }
    return diff;
  };

  /** The focusing factor of weight j; returns |Δu|. */
  const focusFactor = (j: number, gamma: number, r: number): number => {
    const h = mw[j]! - ux[j]!;
    let next: number;
    if (r === 0 || gamma === 0) next = 0;
    else if (!Number.isFinite(r)) next = h === 0 ? 0 : clampField(Math.sign(h) * gamma);
    else next = fieldProduct(r * fieldProduct(h, gamma), gamma);
    const old = ux[j]!;
    const u = damp(next, old, lambda);
    ux[j] = u;
    mw[j] = h + u;
    return Math.abs(Math.tanh(next) - Math.tanh(old));
  };

  const decision = (): Int8Array => Int8Array.from(mw, (v) => (v < 0 ? -1 : 1));
  const history: number[] = [];
  let sweeps = 0;
  let steps = 0;
  let weights = decision();
  let errors = countErrors(arch, weights, task);
  let solution: Int8Array | null = errors === 0 ? weights : null;
  await checkpoint(opts, 0);
  for (const { gamma, y } of schedule) {
    if ((errors === 0 && stopAtSolution) || sweeps >= maxSweeps) break;
    const r = y - 1;
    for (let it = 0; it < maxIters && sweeps < maxSweeps; it++) {
      let diff = 0;
      const order = randomPermutation(orderRng, P + W);
      for (const a of order) {
        if (a < P) {
          for (let k = 0; k < K; k++) {
            const H = K === 1 ? task.y[a]! * Infinity : udown[a * K + k]!;
            diff = Math.max(diff, unitFactor(a, k, H));
          }
          if (parity) diff = Math.max(diff, parityFactor(a));
          else if (K > 1) diff = Math.max(diff, outputFactor(a));
        } else if (r !== 0 && gamma !== 0) {
          diff = Math.max(diff, focusFactor(a - P, gamma, r));
        }
      }
      sweeps++;
      await checkpoint(opts, (steps + (it + 1) / maxIters) / schedule.length);
      if (diff < epsilon) break;
    }
    steps++;
    weights = decision();
    errors = countErrors(arch, weights, task);
    if (errors === 0) solution = weights;
    history.push(errors);
  }
  await checkpoint(opts, 1);
  return {
    weights: solution ?? weights,
    errors: solution ? 0 : errors,
    solved: solution !== null,
    steps,
    sweeps,
    magnetizations: mw.map(Math.tanh),
    errorHistory: Int32Array.from(history),
  };
}
