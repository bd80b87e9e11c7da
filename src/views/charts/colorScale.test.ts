import { describe, expect, it } from 'vitest';
import {
  colorDomain,
  colorLut,
  contourThresholds,
  contourValues,
  heatmapPixels,
  normalize,
} from './colorScale';

describe('colorDomain', () => {
  it('spans every array, skipping non-finite values', () => {
    expect(colorDomain([Float32Array.of(1, 2, NaN), [5, Infinity]], false)).toEqual({
      lo: 1,
      hi: 5,
      log: false,
    });
  });

  it('on a log scale ignores non-positive values and spans at most six decades', () => {
    expect(colorDomain([[0, -1, 0.5, 4]], true)).toEqual({ lo: 0.5, hi: 4, log: true });
    const d = colorDomain([[1e-12, 10]], true);
    expect(d?.lo).toBeCloseTo(1e-5, 12);
  });

  it('is null when nothing is drawable and widens a constant grid', () => {
    expect(colorDomain([[NaN]], false)).toBeNull();
    expect(colorDomain([[2, 2]], true)).toEqual({ lo: 1, hi: 4, log: true });
  });
});

describe('normalize', () => {
  it('maps the geometric middle of a log domain to one half', () => {
    expect(normalize(10, { lo: 1, hi: 100, log: true })).toBeCloseTo(0.5, 12);
    expect(normalize(50.5, { lo: 1, hi: 100, log: false })).toBeCloseTo(0.5, 12);
  });

  it('clamps out-of-domain values', () => {
    expect(normalize(-3, { lo: 1, hi: 2, log: true })).toBe(0);
    expect(normalize(9, { lo: 1, hi: 2, log: false })).toBe(1);
  });
});

describe('heatmapPixels', () => {
  const lut = colorLut((t) => `rgb(${Math.round(255 * t)}, 0, 0)`);

  it('puts b upwards: the first grid row lands in the bottom pixel row', () => {
    // 2×2 grid: row j=0 (bottom) = [0, 1], row j=1 (top) = [2, 3].
    const px = heatmapPixels([0, 1, 2, 3], 2, 2, { lo: 0, hi: 3, log: false }, lut);
    // Top-left pixel shows value 2, bottom-left shows value 0.
    expect(px[0]).toBe(170);
    expect(px[8]).toBe(0);
    expect(px[12]).toBe(85);
    expect(px[3]).toBe(255);
  });

  it('leaves non-finite cells transparent', () => {
    const px = heatmapPixels([NaN, 1], 2, 1, { lo: 0, hi: 1, log: false }, lut);
    expect(px[3]).toBe(0);
    expect(px[7]).toBe(255);
  });

  it('viridis starts dark purple and ends yellow', () => {
    const v = colorLut();
    expect([v[0], v[1], v[2]]).toEqual([68, 1, 84]);
    expect(v[765]).toBeGreaterThan(240);
  });
});

describe('contours', () => {
  it('spaces thresholds evenly inside the domain, in decades on a log scale', () => {
    expect(contourThresholds({ lo: 0, hi: 4, log: false }, 3)).toEqual([1, 2, 3]);
    const log = contourThresholds({ lo: 0.01, hi: 100, log: true }, 3);
    expect(log.map((t) => Number(t.toFixed(12)))).toEqual([-1, 0, 1]);
  });

  it('contours the log of the grid, floored at the domain and with holes filled high', () => {
    const v = contourValues([0, 100, NaN], { lo: 0.01, hi: 100, log: true });
    expect(Array.from(v)).toEqual([-2, 2, 2]);
  });
});
