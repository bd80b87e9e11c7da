import { expect, it } from 'vitest';
import { localResolution } from './analyseSlices';

it('keeps local slices at 21 × 21 for up to five runs, then coarsens them to the same total', () => {
  expect([1, 2, 3, 5].map(localResolution)).toEqual([21, 21, 21, 21]);
  expect(localResolution(6)).toBe(19);
  expect(localResolution(9)).toBe(15);
  expect(localResolution(1000)).toBe(5);
  for (let runs = 1; runs <= 40; runs++) {
    const side = localResolution(runs);
    expect(side % 2).toBe(1);
    if (side > 5) expect(runs * side * side).toBeLessThanOrEqual(5 * 21 * 21);
  }
});
