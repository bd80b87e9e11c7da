/**
 * The scalar schedules of the optimizers, as pure functions of the outer step t (host numbers:
 * the step count lives on the host, so no tensor is read back to compute them).
 */
import type { LrSchedule, NormSchedule } from './optimizerSpec';

/**
 * η_t for base rate η at outer step t ≥ 0 (steps already taken): constant η;
 * step η·factor^⌊t/every⌋; cosine η·(m + (1 − m)·½(1 + cos(π·min(t, T)/T))).
 */
export function learningRateAt(schedule: LrSchedule, lr: number, t: number): number {
  switch (schedule.kind) {
    case 'constant':
      return lr;
    case 'step':
      return lr * schedule.factor ** Math.floor(t / schedule.every);
    case 'cosine': {
      const m = schedule.minFactor;
      const phase = Math.min(t, schedule.total) / schedule.total;
      return lr * (m + (1 - m) * 0.5 * (1 + Math.cos(Math.PI * phase)));
    }
  }
}

/** A coupling that grows geometrically and saturates: c_t = min(cMax, c0·(1 + rate)^t). */
export function geometricCouplingAt(c0: number, rate: number, cMax: number, t: number): number {
  return Math.min(cMax, c0 * (1 + rate) ** t);
}

/**
 * The target weight norm after outer step t ≥ 1: n(t) = n0·(1 + rate)^t, or `undefined` when the
 * schedule leaves the norm free.
 */
export function normTargetAt(schedule: NormSchedule, n0: number, t: number): number | undefined {
  switch (schedule.kind) {
    case 'none':
      return undefined;
    case 'grow':
      return n0 * (1 + schedule.rate) ** t;
  }
}
