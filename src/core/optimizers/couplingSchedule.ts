/**
 * The growing couplings of Entropy-SGD (γ_t) and Replicated-SGD (g_t), held below their
 * stability limits at run time (SCIENCE.md §4: keep η'γ < 1, and 2ηg < 1). A geometric schedule
 * c0·(1 + rate)^t crosses any limit eventually — with the library defaults, Entropy-SGD's η'γ
 * reaches 1 near outer step 5,800 and Replicated-SGD's 2ηg near 8,500 — so each coupling is
 * c_t = min(cMax, c_stable, c0·(1 + rate)^t), with c_stable at STABILITY_MARGIN of the limit
 * (η the base learning rate: the learning-rate schedules only lower it).
 *
 * Not capped: the 'scaled' variant's outer ηγ. Its step ηγ(x − μ) looks as if it overshot μ once
 * ηγ > 1, but μ is not a fixed target: the chain restarts at x every step, and a converged chain
 * (inner momentum ρ) sits at x − x' ≈ ((1 − ρ)γ + H)⁻¹∇f, so ηγ(x − μ) → η∇f/(1 − ρ) as γ grows:
 * an SGD step, stable while ηλmax < 2(1 − ρ), whatever ηγ (the MNIST preset trains at ηγ up to 5;
 * entropySgd.test.ts runs ηγ = 2.5 to convergence on a quadratic).
 */
import type { EntropySgdSpec, OptimizerSpec, ReplicatedSgdSpec } from './optimizerSpec';

/** A growing coupling is held at this fraction of its stability limit. */
export const STABILITY_MARGIN = 0.9;

export interface CouplingSchedule {
  /** 'γ' (Entropy-SGD's scope) or 'g' (Replicated-SGD's elastic coupling). */
  readonly symbol: 'γ' | 'g';
  readonly c0: number;
  readonly rate: number;
  /** The spec's own cap (γmax, gMax). */
  readonly max: number;
  /** The stability cap: STABILITY_MARGIN × the largest stable value. */
  readonly stable: number;
  /** The stability condition, in words ("η'γ < 1"). */
  readonly condition: string;
}

export interface CouplingValue {
  readonly value: number;
  /** Which cap holds the value, if any: the spec's own, or stability's. */
  readonly capped: 'max' | 'stability' | null;
}

/** The schedule of the spec's growing coupling, or null for optimizers without one. */
export function couplingSchedule(spec: OptimizerSpec): CouplingSchedule | null {
  switch (spec.kind) {
    case 'entropySgd':
      return entropyCoupling(spec);
    case 'replicatedSgd':
      return replicaCoupling(spec);
    case 'sgd':
    case 'sam':
    case 'adam':
      return null;
  }
}

export function entropyCoupling(spec: EntropySgdSpec): CouplingSchedule {
  return {
    symbol: 'γ',
    c0: spec.gamma0,
    rate: spec.gamma1,
    max: spec.gammaMax,
    stable: STABILITY_MARGIN / spec.innerLr,
    condition: "η'γ < 1",
  };
}

export function replicaCoupling(spec: ReplicatedSgdSpec): CouplingSchedule {
  return {
    symbol: 'g',
    c0: spec.g0,
    rate: spec.g1,
    max: spec.gMax,
    stable: STABILITY_MARGIN / (2 * spec.lr),
    condition: '2ηg < 1',
  };
}

/** c_t = min(cMax, c_stable, c0·(1 + rate)^t) at outer step t ≥ 0, and which cap holds it. */
export function couplingAt(s: CouplingSchedule, t: number): CouplingValue {
  const grown = s.c0 * (1 + s.rate) ** t;
  const cap = Math.min(s.max, s.stable);
  if (grown < cap) return { value: grown, capped: null };
  return { value: cap, capped: s.stable < s.max ? 'stability' : 'max' };
}

/** The first outer step at which the stability cap holds the coupling (null: never). */
export function stabilityCapStep(s: CouplingSchedule): number | null {
  if (s.stable >= s.max) return null;
  if (s.c0 >= s.stable) return 0;
  if (!(s.rate > 0)) return null;
  let t = Math.ceil(Math.log(s.stable / s.c0) / Math.log1p(s.rate));
  // Floating point: step to the exact first t with c0·(1 + rate)^t ≥ stable.
  while (t > 0 && s.c0 * (1 + s.rate) ** (t - 1) >= s.stable) t--;
  while (s.c0 * (1 + s.rate) ** t < s.stable) t++;
  return t;
}
