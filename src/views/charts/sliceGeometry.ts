/**
 * Pure geometry of a loss slice on screen: the plane rectangle the grid covers, reading the grid at
 * a hovered point, and how strongly to draw a projected trajectory point that lies off the plane.
 */

export interface PlaneBox {
  readonly a0: number;
  readonly a1: number;
  readonly b0: number;
  readonly b1: number;
}

/**
 * The rectangle covered by a grid whose cells are centred on `a[i]`, `b[j]`: half a cell beyond
 * the first and last grid points, so the heatmap's pixels and the contours line up.
 */
export function gridBox(a: ArrayLike<number>, b: ArrayLike<number>): PlaneBox {
  const half = (xs: ArrayLike<number>) =>
    xs.length > 1 ? ((xs[xs.length - 1] ?? 0) - (xs[0] ?? 0)) / (2 * (xs.length - 1)) : 0.5;
  const ha = half(a);
  const hb = half(b);
  return {
    a0: (a[0] ?? 0) - ha,
    a1: (a[a.length - 1] ?? 0) + ha,
    b0: (b[0] ?? 0) - hb,
    b1: (b[b.length - 1] ?? 0) + hb,
  };
}

/** The smallest box holding every box (several slices drawn at one extent). */
export function unionBox(boxes: readonly PlaneBox[]): PlaneBox | null {
  if (boxes.length === 0) return null;
  return {
    a0: Math.min(...boxes.map((b) => b.a0)),
    a1: Math.max(...boxes.map((b) => b.a1)),
    b0: Math.min(...boxes.map((b) => b.b0)),
    b1: Math.max(...boxes.map((b) => b.b1)),
  };
}

/**
 * The grid value at plane point (pa, pb), bilinear between the four surrounding grid points
 * (clamped to the grid's edge); NaN outside the covered box.
 */
export function sampleGrid(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  values: ArrayLike<number>,
  pa: number,
  pb: number,
): number {
  const nx = a.length;
  const ny = b.length;
  if (nx === 0 || ny === 0) return Number.NaN;
  const box = gridBox(a, b);
  if (pa < box.a0 || pa > box.a1 || pb < box.b0 || pb > box.b1) return Number.NaN;
  const fx = nx > 1 ? ((pa - (a[0] ?? 0)) / ((a[nx - 1] ?? 0) - (a[0] ?? 0))) * (nx - 1) : 0;
  const fy = ny > 1 ? ((pb - (b[0] ?? 0)) / ((b[ny - 1] ?? 0) - (b[0] ?? 0))) * (ny - 1) : 0;
  const x = Math.min(nx - 1, Math.max(0, fx));
  const y = Math.min(ny - 1, Math.max(0, fy));
  const i0 = Math.min(nx - 2, Math.floor(x));
  const j0 = Math.min(ny - 2, Math.floor(y));
  if (nx < 2 || ny < 2) return values[Math.round(y) * nx + Math.round(x)] ?? Number.NaN;
  const tx = x - i0;
  const ty = y - j0;
  const v = (i: number, j: number) => values[j * nx + i] ?? Number.NaN;
  return (
    (1 - ty) * ((1 - tx) * v(i0, j0) + tx * v(i0 + 1, j0)) +
    ty * ((1 - tx) * v(i0, j0 + 1) + tx * v(i0 + 1, j0 + 1))
  );
}

/**
 * Opacity of a projected point `offPlane` away from the plane: 1 in the plane, fading to 0.2 at a
 * distance of half the slice's extent (where the contours under it no longer describe it).
 */
export function offPlaneOpacity(offPlane: number, extent: number): number {
  if (!Number.isFinite(offPlane) || extent <= 0) return 0.2;
  return Math.max(0.2, 1 - (0.8 * Math.abs(offPlane)) / (0.5 * extent));
}

/** Index of the point of (xs, ys) nearest (x, y) within `radius` (squared distances), or -1. */
export function nearestPoint(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  x: number,
  y: number,
  radius: number,
): number {
  let best = -1;
  let bestD = radius * radius;
  for (let k = 0; k < xs.length; k++) {
    const d = ((xs[k] ?? Infinity) - x) ** 2 + ((ys[k] ?? Infinity) - y) ** 2;
    if (d <= bestD) {
      bestD = d;
      best = k;
    }
  }
  return best;
}
