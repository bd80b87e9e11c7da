/** Mean, spread and standard error of a sample of M draws. */
export interface SampleSummary {
  readonly mean: number;
  /** Sample standard deviation (n − 1); 0 for one draw. */
  readonly std: number;
  /** std/√M. */
  readonly standardError: number;
}

/** Summary of `values` (length M ≥ 1). */
export function summarize(values: ArrayLike<number>): SampleSummary {
  const m = values.length;
  let mean = 0;
  for (let i = 0; i < m; i++) mean += values[i]! / m;
  let ss = 0;
  for (let i = 0; i < m; i++) ss += (values[i]! - mean) ** 2;
  const std = m > 1 ? Math.sqrt(ss / (m - 1)) : 0;
  return { mean, std, standardError: std / Math.sqrt(m) };
}
