/**
 * The loss slice's colour scale, as pure functions: the value domain (shared by several slices),
 * a 256-entry RGB look-up table of a colour-blind-safe sequential map, the heatmap's pixels and the
 * contour thresholds — linear or logarithmic.
 */
import { interpolateViridis, rgb } from 'd3';

export interface ColorDomain {
  readonly lo: number;
  readonly hi: number;
  readonly log: boolean;
}

/** A log domain spans at most this many decades below its maximum (a loss of 0 is not −∞). */
const MAX_DECADES = 6;

/**
 * [lo, hi] over the finite values of every array (and, for a log scale, the positive ones, with lo
 * at least hi·10^−6). Null when nothing is drawable.
 */
export function colorDomain(
  arrays: readonly ArrayLike<number>[],
  log: boolean,
): ColorDomain | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const values of arrays) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i] ?? Number.NaN;
      if (!Number.isFinite(v) || (log && v <= 0)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (lo > hi) return null;
  if (log) lo = Math.max(lo, hi * 10 ** -MAX_DECADES);
  if (lo === hi) return log ? { lo: lo / 2, hi: hi * 2, log } : { lo: lo - 1, hi: hi + 1, log };
  return { lo, hi, log };
}

/** Where `v` falls in the domain, in [0, 1] (clamped; NaN stays NaN). */
export function normalize(v: number, d: ColorDomain): number {
  if (Number.isNaN(v)) return Number.NaN;
  const t = d.log
    ? (Math.log(Math.max(v, d.lo)) - Math.log(d.lo)) / (Math.log(d.hi) - Math.log(d.lo))
    : (v - d.lo) / (d.hi - d.lo);
  return Math.min(1, Math.max(0, t));
}

/** 256 RGB triples of `interpolate` at t = 0 … 1 (viridis: perceptually uniform, CVD-safe). */
export function colorLut(interpolate: (t: number) => string = interpolateViridis): Uint8Array {
  const lut = new Uint8Array(256 * 3);
  for (let k = 0; k < 256; k++) {
    const c = rgb(interpolate(k / 255));
    lut[3 * k] = c.r;
    lut[3 * k + 1] = c.g;
    lut[3 * k + 2] = c.b;
  }
  return lut;
}

/**
 * RGBA pixels of a row-major grid `values[j * nx + i]` (row j = the j-th b, upwards) for an
 * ImageData of nx × ny, top row first — so b grows upwards on screen. Non-finite cells are
 * transparent (a diverged point shows as a hole, not as a colour).
 */
export function heatmapPixels(
  values: ArrayLike<number>,
  nx: number,
  ny: number,
  domain: ColorDomain,
  lut: Uint8Array,
  out = new Uint8ClampedArray(nx * ny * 4),
): Uint8ClampedArray {
  // normalize() inlined: this loop runs over every grid point of every slice drawn.
  const lo = domain.log ? Math.log(domain.lo) : domain.lo;
  const scale = 255 / ((domain.log ? Math.log(domain.hi) : domain.hi) - lo);
  for (let j = 0; j < ny; j++) {
    const row = (ny - 1 - j) * nx;
    for (let i = 0; i < nx; i++) {
      const p = 4 * (row + i);
      const v = values[j * nx + i] ?? Number.NaN;
      if (!Number.isFinite(v)) {
        out[p + 3] = 0;
        continue;
      }
      const t = ((domain.log ? Math.log(Math.max(v, domain.lo)) : v) - lo) * scale;
      const k = 3 * Math.round(Math.min(255, Math.max(0, t)));
      out[p] = lut[k] ?? 0;
      out[p + 1] = lut[k + 1] ?? 0;
      out[p + 2] = lut[k + 2] ?? 0;
      out[p + 3] = 255;
    }
  }
  return out;
}

/**
 * `count` contour levels strictly inside the domain, evenly spaced in the scale's space, given in
 * that space (log10 of the value on a log scale): contour `contourValues` against these.
 */
export function contourThresholds(d: ColorDomain, count: number): number[] {
  const lo = d.log ? Math.log10(d.lo) : d.lo;
  const hi = d.log ? Math.log10(d.hi) : d.hi;
  return Array.from({ length: count }, (_, k) => lo + ((hi - lo) * (k + 1)) / (count + 1));
}

/** The grid in the scale's space (log10, floored at the domain's lo), NaN mapped to +∞-like hi. */
export function contourValues(values: ArrayLike<number>, d: ColorDomain): Float64Array {
  const out = new Float64Array(values.length);
  const top = d.log ? Math.log10(d.hi) : d.hi;
  for (let k = 0; k < values.length; k++) {
    const v = values[k] ?? Number.NaN;
    if (!Number.isFinite(v)) out[k] = top;
    else out[k] = d.log ? Math.log10(Math.max(v, d.lo)) : v;
  }
  return out;
}
