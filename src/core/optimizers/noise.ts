/** The Langevin noise of Entropy-SGD, drawn on the host from the seeded 'noise' stream. */
import type { Rng } from '../types';

/**
 * A 32-bit seed for the noise of outer step `step` of run `runIndex`: murmur3's finalizer folded
 * over (seed, runIndex, step). One stream per step lets a resumed run draw the same noise.
 */
export function noiseSeed(seed: number, runIndex: number, step: number): number {
  let h = 0x9e3779b9;
  for (const word of [seed, runIndex, step]) {
    h = Math.imul(h ^ (word >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** A new vector of `length` draws `scale · ξ_i`, ξ_i ~ N(0, 1) from `rng`, in order. */
export function gaussianVector(rng: Rng, length: number, scale: number): Float32Array {
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = scale * rng.normal();
  return out;
}
