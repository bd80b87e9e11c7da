import { describe, expect, it } from 'vitest';
import { useBackend } from '../testing/backends.node';
import { measureStepTime, wasmIsFaster } from './measureStepTime';

describe('the ladder’s speed check', () => {
  it('keeps a GPU rung unless wasm is clearly (20%) faster', () => {
    expect(wasmIsFaster(2, 10)).toBe(false);
    expect(wasmIsFaster(11, 10)).toBe(false);
    expect(wasmIsFaster(13, 10)).toBe(true);
    expect(wasmIsFaster(Number.NaN, 10)).toBe(true);
    expect(wasmIsFaster(5, Number.NaN)).toBe(false);
  });

  it('measures a positive step time on a real backend', async () => {
    await useBackend('wasm');
    const ms = await measureStepTime(20);
    expect(ms).toBeGreaterThan(0);
    expect(ms).toBeLessThan(1000);
  });
});
