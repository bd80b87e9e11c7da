import { describe, expect, it } from 'vitest';
import { bowlSlice } from './analysisFixtures.node';
import { gridBox, nearestPoint, offPlaneOpacity, sampleGrid, unionBox } from './sliceGeometry';

describe('gridBox', () => {
  it('extends half a cell beyond the first and last grid points', () => {
    expect(gridBox([-1, 0, 1], [0, 2])).toEqual({ a0: -1.5, a1: 1.5, b0: -1, b1: 3 });
  });

  it('unites boxes', () => {
    expect(
      unionBox([
        { a0: -1, a1: 1, b0: 0, b1: 1 },
        { a0: -2, a1: 0, b0: -1, b1: 3 },
      ]),
    ).toEqual({
      a0: -2,
      a1: 1,
      b0: -1,
      b1: 3,
    });
    expect(unionBox([])).toBeNull();
  });
});

describe('sampleGrid', () => {
  const s = bowlSlice(5, 1);

  it('returns grid values exactly at grid points', () => {
    expect(sampleGrid(s.a, s.b, s.loss, 0.5, -1)).toBeCloseTo(0.25 + 4 + 0.1, 5);
    expect(sampleGrid(s.a, s.b, s.loss, 0, 0)).toBeCloseTo(0.1, 6);
  });

  it('interpolates bilinearly between them', () => {
    // Between a = 0 (0.1) and a = 0.5 (0.35) at b = 0.
    expect(sampleGrid(s.a, s.b, s.loss, 0.25, 0)).toBeCloseTo(0.225, 6);
  });

  it('is NaN outside the covered box', () => {
    expect(sampleGrid(s.a, s.b, s.loss, 2, 0)).toBeNaN();
  });
});

describe('offPlaneOpacity', () => {
  it('is opaque in the plane and fades to a floor half an extent away', () => {
    expect(offPlaneOpacity(0, 1)).toBe(1);
    expect(offPlaneOpacity(0.25, 1)).toBeCloseTo(0.6, 12);
    expect(offPlaneOpacity(5, 1)).toBe(0.2);
    expect(offPlaneOpacity(NaN, 1)).toBe(0.2);
  });
});

describe('nearestPoint', () => {
  it('finds the closest point within the radius, or none', () => {
    expect(nearestPoint([0, 10, 20], [0, 0, 0], 11, 1, 5)).toBe(1);
    expect(nearestPoint([0, 10], [0, 0], 50, 50, 5)).toBe(-1);
  });
});
