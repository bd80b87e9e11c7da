import { describe, expect, it } from 'vitest';
import { planWasmThreads, tfjsWasmThreadCount, threadsMeasuredFaster } from './wasmThreadPlan';

describe('planWasmThreads', () => {
  it("follows tfjs's pool size: half the logical cores, at least 1, at most 4", () => {
    expect([1, 2, 3, 4, 6, 8, 16, 64].map(tfjsWasmThreadCount)).toEqual([1, 1, 1, 2, 3, 4, 4, 4]);
    expect(tfjsWasmThreadCount(Number.NaN)).toBe(1);
  });

  it('tries threads only on an isolated page with at least 4 logical cores, and says why not', () => {
    expect(planWasmThreads({ crossOriginIsolated: true, hardwareConcurrency: 8 })).toEqual({
      tryThreads: true,
      threads: 4,
    });
    const notIsolated = planWasmThreads({ crossOriginIsolated: false, hardwareConcurrency: 8 });
    expect(notIsolated.tryThreads).toBe(false);
    expect(!notIsolated.tryThreads && notIsolated.why).toMatch(/COOP/);
    const twoCores = planWasmThreads({ crossOriginIsolated: true, hardwareConcurrency: 2 });
    expect(!twoCores.tryThreads && twoCores.why).toMatch(/1 thread on 2$/);
  });

  it('keeps threads only when a step is at least 10% faster with them', () => {
    expect(threadsMeasuredFaster(10, 8.9)).toBe(true);
    expect(threadsMeasuredFaster(10, 9.5)).toBe(false);
    expect(threadsMeasuredFaster(10, 12)).toBe(false);
    expect(threadsMeasuredFaster(10, Number.NaN)).toBe(false);
    expect(threadsMeasuredFaster(Number.NaN, 1)).toBe(false);
  });
});
