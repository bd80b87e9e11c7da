/** Hyper-parameter checks: what is wrong with a spec, in words, for the engine to clamp or report. */
import type {
  EntropySgdSpec,
  LrSchedule,
  NormSchedule,
  OptimizerSpec,
  SgdHyper,
} from './optimizerSpec';

/**
 * The problems of `spec`, one sentence each; empty when the spec is sound. Checks ranges
 * (η > 0, B ≥ 1 integer, μ ∈ [0, 1), …) and the stability conditions of SCIENCE.md §4 at the
 * start: Entropy-SGD's η'γ0 < 1, Replicated-SGD's 2η g0 < 1 (η the
 * base rate; schedules only lower it). Later steps need no check: the optimizers hold a growing
 * coupling below its limit (`couplingSchedule.ts`).
 */
export function validateOptimizerSpec(spec: OptimizerSpec): string[] {
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
    check(
      s.innerLr * s.gamma0 < 1,
      `η'γ must stay < 1 or the inner loop diverges: η'γ0 = ${s.innerLr * s.gamma0}`,
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
      check(
        2 * spec.lr * spec.g0 < 1,
        `2ηg must stay < 1 or the replicas overshoot the centre: 2ηg0 = ${2 * spec.lr * spec.g0}`,
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
