import { describe, expect, it } from 'vitest';
import {
  makeOptimizerSpec,
  OPTIMIZER_DEFAULTS,
  ENTROPY_SGD_SCALED_DEFAULTS,
} from './optimizerSpec';
import type { OptimizerKind } from './optimizerSpec';
import { validateOptimizerSpec } from './validateOptimizerSpec';

describe('validateOptimizerSpec', () => {
  it('accepts every default spec', () => {
    for (const kind of Object.keys(OPTIMIZER_DEFAULTS) as OptimizerKind[]) {
      expect(validateOptimizerSpec(OPTIMIZER_DEFAULTS[kind]), kind).toEqual([]);
    }
    expect(validateOptimizerSpec(ENTROPY_SGD_SCALED_DEFAULTS)).toEqual([]);
  });

  it("reports η'γ0 ≥ 1 for Entropy-SGD; later growth is capped, not refused", () => {
    const bad = makeOptimizerSpec({ kind: 'entropySgd', innerLr: 0.5, gamma0: 2 });
    expect(validateOptimizerSpec(bad).join()).toMatch(/η'γ must stay < 1.*η'γ0 = 1/);
    // γ0 = 0.03, γ1 = 1e-3: η'γ_t = 0.003·1.001^t would reach 1 near t = 5806; the run caps it.
    expect(validateOptimizerSpec(makeOptimizerSpec({ kind: 'entropySgd' }))).toEqual([]);
    // The scaled variant's outer ηγ may exceed 1 (see couplingSchedule.ts).
    const scaled = makeOptimizerSpec({ kind: 'entropySgd', variant: 'scaled', lr: 4 });
    expect(validateOptimizerSpec(scaled)).toEqual([]);
  });

  it('reports 2ηg0 ≥ 1 for Replicated-SGD', () => {
    const spec = makeOptimizerSpec({ kind: 'replicatedSgd', lr: 0.1, g0: 1, g1: 0.01, gMax: 4 });
    expect(validateOptimizerSpec(spec)).toEqual([]);
    expect(validateOptimizerSpec({ ...spec, gMax: 1e4 })).toEqual([]);
    expect(validateOptimizerSpec({ ...spec, g0: 5, gMax: 10 }).join()).toMatch(
      /2ηg must stay < 1.*2ηg0 = 1/,
    );
  });

  it('reports non-positive rates, bad counts and bad ranges, one sentence each', () => {
    expect(validateOptimizerSpec(makeOptimizerSpec({ kind: 'sgd', lr: 0 }))).toEqual([
      'lr must be a positive number (got 0)',
    ]);
    expect(validateOptimizerSpec(makeOptimizerSpec({ kind: 'sgd', lr: NaN })).length).toBe(1);
    expect(
      validateOptimizerSpec(makeOptimizerSpec({ kind: 'adam', lr: -1, beta2: 1 })).length,
    ).toBe(2);
    expect(
      validateOptimizerSpec(makeOptimizerSpec({ kind: 'sam', batchSize: 2.5, rho: -1 })).length,
    ).toBe(2);
    expect(validateOptimizerSpec(makeOptimizerSpec({ kind: 'sgd', nesterov: true }))).toEqual([
      'Nesterov momentum needs momentum > 0',
    ]);
    expect(
      validateOptimizerSpec(makeOptimizerSpec({ kind: 'replicatedSgd', replicas: 0 })).length,
    ).toBe(1);
    expect(
      validateOptimizerSpec(makeOptimizerSpec({ kind: 'entropySgd', L: 0, alpha: 1 })).length,
    ).toBe(2);
    const schedule = makeOptimizerSpec({
      kind: 'sgd',
      lrSchedule: { kind: 'step', every: 0, factor: 2 },
      normSchedule: { kind: 'grow', rate: -0.1 },
    });
    expect(validateOptimizerSpec(schedule).length).toBe(3);
  });
});

describe('makeOptimizerSpec', () => {
  it('fills the defaults of the kind, and of the Entropy-SGD variant', () => {
    expect(makeOptimizerSpec({ kind: 'sam', lr: 0.2 })).toEqual({
      ...OPTIMIZER_DEFAULTS.sam,
      lr: 0.2,
    });
    expect(makeOptimizerSpec({ kind: 'entropySgd' }).L).toBe(20);
    expect(makeOptimizerSpec({ kind: 'entropySgd', variant: 'scaled' }).L).toBe(5);
    expect(makeOptimizerSpec({ kind: 'entropySgd', variant: 'scaled', L: 3 }).L).toBe(3);
  });

  it('round-trips through JSON', () => {
    for (const spec of Object.values(OPTIMIZER_DEFAULTS)) {
      expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    }
  });
});
