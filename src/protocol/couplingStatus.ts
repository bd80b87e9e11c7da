/**
 * What a run card says about a run's growing coupling (Entropy-SGD's γ, Replicated-SGD's g) at its
 * current outer step: the value, and whether a cap holds it — the spec's own (γmax, gMax) or the
 * stability cap the optimizer applies (`core/optimizers/couplingSchedule.ts`).
 */
import {
  couplingAt,
  couplingSchedule,
  stabilityCapStep,
  STABILITY_MARGIN,
} from '../core/optimizers/couplingSchedule';
import type { OptimizerSpec } from '../core/optimizers/optimizerSpec';

export interface CouplingStatus {
  readonly text: string;
  readonly capped: 'max' | 'stability' | null;
}

const short = (x: number): string => Number(x.toPrecision(2)).toString();

export function couplingStatus(spec: OptimizerSpec, steps: number): CouplingStatus | null {
  const s = couplingSchedule(spec);
  if (!s) return null;
  const now = couplingAt(s, steps);
  const value = `${s.symbol} = ${short(now.value)}`;
  switch (now.capped) {
    case null:
      return {
        text: s.rate > 0 ? `${value}, growing ${short(100 * s.rate)}% per step` : value,
        capped: null,
      };
    case 'max':
      return { text: `${value}: at its cap ${s.symbol}max`, capped: 'max' };
    case 'stability': {
      const since = stabilityCapStep(s) ?? 0;
      const limit = s.condition.replace(' < 1', ` = ${STABILITY_MARGIN}`);
      return {
        text: `${value}: held at ${limit} since step ${since.toLocaleString('en-US')} (stability needs ${s.condition})`,
        capped: 'stability',
      };
    }
  }
}
