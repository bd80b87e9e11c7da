import type { Rng, Split } from '../types';

/**
 * C class means m_c = s·g_c/‖g_c‖ with g_c ~ N(0, I_d): random directions, every mean of norm s.
 * Row-major [C, d].
 */
export function classMeans(
  rng: Rng,
  classes: number,
  dim: number,
  separation: number,
): Float32Array {
  const means = new Float32Array(classes * dim);
  for (let c = 0; c < classes; c++) {
    const g = new Float64Array(dim);
    let norm2 = 0;
    for (let j = 0; j < dim; j++) {
      const v = rng.normal();
      g[j] = v;
      norm2 += v * v;
    }
    const scale = separation / Math.sqrt(norm2);
    for (let j = 0; j < dim; j++) means[c * dim + j] = (g[j] ?? 0) * scale;
  }
  return means;
}

/**
 * `count` samples of the Gaussian mixture: class c = i mod C, x = m_c + N(0, I_d) + shift·1.
 * Inputs [count, d], class labels.
 */
export function sampleMixture(
  rng: Rng,
  means: Float32Array,
  classes: number,
  dim: number,
  count: number,
  shift: number,
): Split {
  const x = new Float32Array(count * dim);
  const y = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const c = i % classes;
    for (let j = 0; j < dim; j++) x[i * dim + j] = (means[c * dim + j] ?? 0) + rng.normal() + shift;
    y[i] = c;
  }
  return { x, y, count };
}

/**
 * Replaces the labels of round(fraction·count) distinct samples, chosen uniformly, by a uniformly
 * drawn *different* class. Returns new labels; `labels` is unchanged.
 */
export function flipLabels(
  rng: Rng,
  labels: Int32Array,
  classes: number,
  fraction: number,
): Int32Array {
  const out = labels.slice();
  const n = labels.length;
  const flips = Math.round(fraction * n);
  if (flips === 0 || classes < 2) return out;
  // Partial Fisher–Yates: the first `flips` entries of a random permutation.
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let k = 0; k < flips; k++) {
    const j = k + rng.int(n - k);
    const t = order[k] ?? 0;
    order[k] = order[j] ?? 0;
    order[j] = t;
    const i = order[k] ?? 0;
    const old = out[i] ?? 0;
    out[i] = (old + 1 + rng.int(classes - 1)) % classes;
  }
  return out;
}
