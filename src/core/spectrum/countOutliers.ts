/**
 * How many eigenvalues stand out above the bulk of a Hessian spectrum (Fort & Ganguli: about C
 * outliers for C classes, separated from the bulk by a clear gap).
 */

export interface OutlierCount {
  /** Number of outliers k (0 when no gap qualifies). */
  readonly count: number;
  /** Eigenvalues above this line are outliers: the midpoint of the chosen gap (∞ when k = 0). */
  readonly threshold: number;
  /** The bulk's upper edge λ_{k+1} (the largest eigenvalue when k = 0). */
  readonly bulkEdge: number;
  /** The gap λ_k − λ_{k+1} (0 when k = 0). */
  readonly gap: number;
  /** The winning score (λ_k − λ_{k+1}) / (λ_{k+1} − median). */
  readonly score: number;
}

export interface OutlierOptions {
  /** Largest count considered (default max(1, ⌊D/4⌋), at most D − 1). */
  maxCount?: number;
  /** Least score that counts as "a clear gap" (default 1: the gap exceeds the bulk's upper half-width). */
  minScore?: number;
  /**
   * The median of the whole spectrum, when `eigenvalues` hold only its top part (the Ritz values
   * of Lanczos, with the median from the SLQ density's weighted nodes). maxCount then defaults to
   * all but the last of the given values.
   */
  median?: number;
}

/**
 * The rule: sort λ_1 ≥ λ_2 ≥ … ≥ λ_D, let m be the median. For each k ≤ maxCount with λ_k > m,
 * score the gap below λ_k relative to the width of everything under it,
 *   s_k = (λ_k − λ_{k+1}) / (λ_{k+1} − m),
 * and take the k of largest score if s_k ≥ minScore, else no outliers. Scale-free (invariant to
 * A → cA + b, c > 0); a gap inside the outliers scores low because the spread beneath it includes
 * the remaining outliers; a gap inside the bulk scores low because it is small next to the bulk's
 * half-width. Needs the whole spectrum, or its top part and `options.median`.
 *
 * @param eigenvalues any order, length ≥ 2: the whole spectrum, or its top values
 */
export function countOutliers(
  eigenvalues: ArrayLike<number>,
  options: OutlierOptions = {},
): OutlierCount {
  const sorted = Float64Array.from(eigenvalues).sort().reverse();
  const n = sorted.length;
  const none: OutlierCount = {
    count: 0,
    threshold: Infinity,
    bulkEdge: sorted[0] ?? NaN,
    gap: 0,
    score: 0,
  };
  if (n < 2) return none;
  const whole = options.median === undefined;
  const median =
    options.median ??
    (n % 2 === 1 ? sorted[(n - 1) / 2]! : 0.5 * (sorted[n / 2 - 1]! + sorted[n / 2]!));
  const maxCount = Math.min(
    n - 1,
    options.maxCount ?? (whole ? Math.max(1, Math.floor(n / 4)) : n - 1),
  );
  let best = none;
  for (let k = 1; k <= maxCount; k++) {
    const above = sorted[k - 1]!;
    const below = sorted[k]!;
    if (!(above > median)) break;
    const gap = above - below;
    const score = gap / (below - median);
    if (gap > 0 && score > best.score) {
      best = { count: k, threshold: 0.5 * (above + below), bulkEdge: below, gap, score };
    }
  }
  return best.score >= (options.minScore ?? 1) ? best : none;
}
