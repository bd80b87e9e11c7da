/** The Langevin noise of Entropy-SGD, drawn on the host from the seeded 'noise' stream. */
import { createRng } from '../random';
import type { Rng } from '../types';

/**
 * The 'noise' stream of outer step t of run `runIndex`: `createRng(seed, 'noise', runIndex, t)`.
 * A fresh sub-stream per step lets a resumed run draw exactly the noise it would have drawn.
 */
export function stepNoiseRng(seed: number, runIndex: number): (step: number) => Rng {
  return (step) => createRng(seed, 'noise', runIndex, step);
}

/** A new vector of `length` draws `scale · ξ_i`, ξ_i ~ N(0, 1) from `rng`, in order. */
export function gaussianVector(rng: Rng, length: number, scale: number): Float32Array {
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = scale * rng.normal();
  return out;
}
