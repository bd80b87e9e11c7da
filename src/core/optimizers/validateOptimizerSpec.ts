/** Hyper-parameter checks: what is wrong with a spec, in words, for the engine to clamp or report. */
import type {
  EntropySgdSpec,
  LrSchedule,
  NormSchedule,
  OptimizerSpec,
  SgdHyper,
} from './optimizerSpec';
import { geometricCouplingAt } from './schedules';

/** Options of `validateOptimizerSpec`. */
export interface ValidateOptions {
  /**
   * The number of outer steps the run will take. Growing couplings (γ_t, g_t) are then checked at
   * their largest value over the run; without it, only at step 0.
   */
  readonly horizon?: number;
}

/**
 * The problems of `spec`, one sentence each; empty when the spec is sound. Checks ranges
 * (η > 0, B ≥ 1 integer, μ ∈ [0, 1), …) and the stability conditions of SCIENCE.md §4:
 * Entropy-SGD's η'γ_t < 1 and Replicated-SGD's 2η g_t < 1 (η the base rate; schedules only lower it).
 */
export function validateOptimizerSpec(
  spec: OptimizerSpec,
  options: ValidateOptions = {},
): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, message: string): void => {
    if (!ok) problems.push(message);
  };
  const positive = (x: number, name: string): void =>
    check(Number.isFinite(x) && x > 0, `${name} must be a positive number (got ${x})`);
  const nonNegative = (x: number, name: string): void =>
    check(Number.isFinite(x) && x >= 0, `${name} must be a non-negative number (got ${x})`);
  const unitInterval = (x: number, name: string): void =>
    check(Number.isFinite(x) && x >= 0 && x < 1, `${name} must lie in [0, 1) (got ${x})`);
  const count = (x: number, name: string): void =>
    check(Number.isInteger(x) && x >= 1, `${name} must be an integer ≥ 1 (got ${x})`);
  const lastStep = Math.max(0, (options.horizon ?? 1) - 1);

  const lrSchedule = (s: LrSchedule): void => {
    switch (s.kind) {
      case 'constant':
        return;
      case 'step':
        count(s.every, 'lrSchedule.every');
        check(
          s.factor > 0 && s.factor <= 1,
          `lrSchedule.factor must lie in (0, 1] (got ${s.factor})`,
        );
        return;
      case 'cosine':
        count(s.total, 'lrSchedule.total');
        check(
          s.minFactor >= 0 && s.minFactor <= 1,
          `lrSchedule.minFactor must lie in [0, 1] (got ${s.minFactor})`,
        );
        return;
    }
  };
  const normSchedule = (s: NormSchedule): void => {
    switch (s.kind) {
      case 'none':
        return;
      case 'grow':
        nonNegative(s.rate, 'normSchedule.rate');
        if (s.n0 !== undefined) positive(s.n0, 'normSchedule.n0');
        return;
    }
  };
  const sgdHyper = (h: SgdHyper): void => {
    positive(h.lr, 'lr');
    count(h.batchSize, 'batchSize');
    unitInterval(h.momentum, 'momentum');
    check(!h.nesterov || h.momentum > 0, 'Nesterov momentum needs momentum > 0');
    nonNegative(h.weightDecay, 'weightDecay');
    lrSchedule(h.lrSchedule);
  };
  const entropy = (s: EntropySgdSpec): void => {
    positive(s.lr, 'lr');
    lrSchedule(s.lrSchedule);
    unitInterval(s.momentum, 'momentum');
    check(!s.nesterov || s.momentum > 0, 'Nesterov momentum needs momentum > 0');
    count(s.L, 'L');
    positive(s.innerLr, "inner learning rate η'");
    nonNegative(s.noise, 'noise ε');
    positive(s.gamma0, 'γ0');
    nonNegative(s.gamma1, 'γ1');
    check(s.gammaMax >= s.gamma0, `γmax must be ≥ γ0 (got ${s.gammaMax} < ${s.gamma0})`);
    unitInterval(s.alpha, 'α');
    count(s.batchSize, 'batchSize');
    const gamma = geometricCouplingAt(s.gamma0, s.gamma1, s.gammaMax, lastStep);
    check(
      s.innerLr * gamma < 1,
      `η'γ must stay < 1 or the inner loop diverges: η'γ = ${s.innerLr * gamma} at step ${lastStep}`,
    );
  };

  switch (spec.kind) {
    case 'sgd':
      sgdHyper(spec);
      normSchedule(spec.normSchedule);
      break;
    case 'entropySgd':
      entropy(spec);
      break;
    case 'replicatedSgd': {
      sgdHyper(spec);
      count(spec.replicas, 'replicas');
      nonNegative(spec.g0, 'g0');
      nonNegative(spec.g1, 'g1');
      check(spec.gMax >= spec.g0, `gMax must be ≥ g0 (got ${spec.gMax} < ${spec.g0})`);
      const g = geometricCouplingAt(spec.g0, spec.g1, spec.gMax, lastStep);
      check(
        2 * spec.lr * g < 1,
        `2ηg must stay < 1 or the replicas overshoot the centre: 2ηg = ${2 * spec.lr * g} at step ${lastStep}`,
      );
      break;
    }
    case 'sam':
      sgdHyper(spec);
      nonNegative(spec.rho, 'ρ');
      break;
    case 'adam':
      positive(spec.lr, 'lr');
      lrSchedule(spec.lrSchedule);
      count(spec.batchSize, 'batchSize');
      unitInterval(spec.beta1, 'β1');
      unitInterval(spec.beta2, 'β2');
      positive(spec.epsilon, 'ε');
      nonNegative(spec.weightDecay, 'weightDecay');
      break;
  }
  return problems;
}
