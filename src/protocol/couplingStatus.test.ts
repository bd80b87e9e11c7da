import { describe, expect, it } from 'vitest';
import { makeOptimizerSpec } from '../core/optimizers/optimizerSpec';
import { couplingStatus } from './couplingStatus';

describe('couplingStatus', () => {
  it('says the coupling grows, then that the stability cap holds it and since when', () => {
    const esgd = makeOptimizerSpec({ kind: 'entropySgd' });
    expect(couplingStatus(esgd, 0)).toEqual({
      text: 'γ = 0.03, growing 0.1% per step',
      capped: null,
    });
    const late = couplingStatus(esgd, 9000)!;
    expect(late.capped).toBe('stability');
    expect(late.text).toBe("γ = 9: held at η'γ = 0.9 since step 5,707 (stability needs η'γ < 1)");
    const replicas = couplingStatus(makeOptimizerSpec({ kind: 'replicatedSgd' }), 20000)!;
    expect(replicas.text).toMatch(/^g = 4.5: held at 2ηg = 0.9 since step [\d,]+/);
  });

  it('names the spec’s own cap, and is null for optimizers without a coupling', () => {
    const capped = makeOptimizerSpec({ kind: 'entropySgd', innerLr: 0.5, gammaMax: 1 });
    expect(couplingStatus(capped, 1e5)).toEqual({ text: 'γ = 1: at its cap γmax', capped: 'max' });
    expect(couplingStatus(makeOptimizerSpec({ kind: 'sgd' }), 10)).toBeNull();
  });
});
