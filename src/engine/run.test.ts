import { describe, expect, it } from 'vitest';
import { divergenceReason } from './run';

const at = (weightNorm: number, trainLoss = 0.1) => ({
  trainLoss,
  trainError: 0,
  testLoss: 0.1,
  testError: 0,
  weightNorm,
});

describe('divergenceReason', () => {
  it('stops a run whose loss is not finite or whose norm grew 10⁴-fold', () => {
    expect(divergenceReason(at(14), 14, 10)).toBeNull();
    expect(divergenceReason(at(14, Number.NaN), 14, 10)).toMatch(/training loss became NaN/);
    expect(divergenceReason(at(1.5e5), 14, 10)).toMatch(/weight norm exploded/);
    expect(divergenceReason(at(Number.POSITIVE_INFINITY), 14, 10)).toMatch(/exploded/);
  });

  it('lets a norm schedule grow the norm: only a non-finite norm counts then', () => {
    expect(divergenceReason(at(1.5e5), 14, 10, true)).toBeNull();
    expect(divergenceReason(at(Number.NaN), 14, 10, true)).toMatch(/exploded/);
    expect(divergenceReason(at(14, Number.POSITIVE_INFINITY), 14, 10, true)).toMatch(/loss/);
  });
});
