import type { Rng, Split } from '../types';

/** `count` patterns ξ ∈ {±1}^n, each entry an independent fair sign. Row-major [count, n]. */
export function signPatterns(rng: Rng, count: number, n: number): Float32Array {
  const x = new Float32Array(count * n);
  for (let k = 0; k < x.length; k++) x[k] = rng.sign();
  return x;
}

/**
 * Baldassi's random classification task: P = round(α·n) patterns ξ_μ ∈ {±1}^n with independent
 * uniform labels y_μ ∈ {±1}. Inputs [P, n], labels ±1.
 */
export function randomPatterns(rng: Rng, n: number, alpha: number): Split {
  const count = Math.round(alpha * n);
  const x = signPatterns(rng, count, n);
  const y = new Int32Array(count);
  for (let i = 0; i < count; i++) y[i] = rng.sign();
  return { x, y, count };
}
