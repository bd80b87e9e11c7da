/**
 * Hutch++ (Meyer, Musco, Musco, Woodruff 2021): Hutchinson's estimator after deflating the top of
 * the spectrum, for the same number of products.
 */
import { checkpoint } from '../linalg/checkpoint';
import { applyToMany, type LinearOperator } from '../linalg/linearOperator';
import { dot, normalizeInPlace, orthogonalizeInPlace, rademacher } from '../linalg/vector';
import type { ChunkOptions, Rng } from '../types';
import { meanAndStandardError, type TraceEstimate } from './hutchinsonTrace';

export interface HutchPlusPlusEstimate extends TraceEstimate {
  /** tr(QᵀAQ), the exact part on the sketch's range. */
  readonly sketchTrace: number;
  /** Columns of Q (the sketch size, less any columns dropped as dependent). */
  readonly rank: number;
  /** Products used: sketch + rank + residual probes (≤ the budget). */
  readonly products: number;
}

/**
 * Estimates Tr(A) from a budget of m products: a sketch S of s = ⌊m/3⌋ Rademacher columns,
 * Q = orth(AS) (Gram–Schmidt in float64, twice), then
 *   Tr(A) ≈ tr(QᵀAQ) + (1/g) Σ_j g_jᵀ (I − QQᵀ) A (I − QQᵀ) g_j
 * with the g = m − 2s remaining Rademacher probes. Unbiased for any Q (the deflated part is
 * Hutchinson's on (I − QQᵀ)A(I − QQᵀ)); when A's spectrum decays, its variance falls from
 * Hutchinson's ~2‖A‖²_F/m to ~2‖A − A_top‖²_F/g, A_top its part on Q (error O(1/m) instead
 * of O(1/√m) for low-rank-plus-small A). `standardError` is the residual part's (std/√g);
 * `samples` are its g terms (mean = sketchTrace + their mean). Two passes of products: AS, then
 * AQ and the deflated probes together, batched when the operator batches.
 */
export async function hutchPlusPlusTrace(
  op: LinearOperator,
  options: { products: number; rng: Rng },
  opts: ChunkOptions = {},
): Promise<HutchPlusPlusEstimate> {
  const m = options.products;
  if (m < 4) throw new Error('hutchPlusPlusTrace: needs a budget of at least 4 products');
  const s = Math.floor(m / 3);
  const g = m - 2 * s;
  const sketch = Array.from({ length: s }, () => rademacher(op.dim, options.rng));
  const probes = Array.from({ length: g }, () => rademacher(op.dim, options.rng));
  const as = await applyToMany(op, sketch, (done) => checkpoint(opts, done / m));

  const q: Float64Array[] = [];
  const scale = Math.max(...as.map((y) => Math.sqrt(dot(y, y))));
  for (const y of as) {
    const column = Float64Array.from(y);
    orthogonalizeInPlace(column, q);
    // A column that AS's float32 products leave dependent on the others adds nothing to Q.
    if (normalizeInPlace(column) > 1e-6 * scale) q.push(column);
  }
  for (const p of probes) orthogonalizeInPlace(p, q);

  const products = await applyToMany(op, [...q, ...probes], (done) =>
    checkpoint(opts, (s + done) / (s + q.length + g)),
  );
  let sketchTrace = 0;
  q.forEach((column, j) => (sketchTrace += dot(column, products[j]!)));
  const samples = Float64Array.from(probes, (p, j) => dot(p, products[q.length + j]!));
  const residual = meanAndStandardError(samples);
  return {
    mean: sketchTrace + residual.mean,
    standardError: residual.standardError,
    samples,
    sketchTrace,
    rank: q.length,
    products: s + q.length + g,
  };
}
