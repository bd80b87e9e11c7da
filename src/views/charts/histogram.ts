/**
 * Binning of Hessian eigenvalues for the spectrum histogram: bins shared by every run (so bars
 * line up), counts per bin, and the outliers above a run's bulk edge.
 */

export interface Bins {
  readonly lo: number;
  readonly hi: number;
  readonly count: number;
}

/** Equal-width bins over [lo, hi] of every array's finite values, padded by half a bin. */
export function sharedBins(arrays: readonly ArrayLike<number>[], count: number): Bins | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const values of arrays) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i] ?? Number.NaN;
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (lo > hi) return null;
  if (lo === hi) return { lo: lo - 0.5, hi: hi + 0.5, count };
  const pad = (hi - lo) / (2 * count);
  return { lo: lo - pad, hi: hi + pad, count };
}

/** How many finite values fall in each bin (the top edge belongs to the last bin). */
export function histogram(values: ArrayLike<number>, bins: Bins): Uint32Array {
  const counts = new Uint32Array(bins.count);
  const width = (bins.hi - bins.lo) / bins.count;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? Number.NaN;
    if (!Number.isFinite(v) || v < bins.lo || v > bins.hi) continue;
    const k = Math.min(bins.count - 1, Math.floor((v - bins.lo) / width));
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
}

/** The eigenvalues strictly above the bulk edge (ascending input gives ascending output). */
export function outliersAbove(eigenvalues: ArrayLike<number>, bulkEdge: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < eigenvalues.length; i++) {
    const v = eigenvalues[i] ?? Number.NaN;
    if (v > bulkEdge) out.push(v);
  }
  return out;
}

/**
 * A density made drawable on a log axis: values below `floor`·max become `floor`·max (the SLQ
 * density's Gaussian tails fall to 1e-300 and would squash the axis).
 */
export function floorDensity(density: ArrayLike<number>, floor = 1e-5): Float64Array {
  let max = 0;
  for (let i = 0; i < density.length; i++) {
    const v = density[i] ?? 0;
    if (Number.isFinite(v) && v > max) max = v;
  }
  const min = max * floor;
  return Float64Array.from({ length: density.length }, (_, i) => {
    const v = density[i] ?? 0;
    return Number.isFinite(v) ? Math.max(v, min) : min;
  });
}
