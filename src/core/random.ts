/**
 * Seeded randomness: xoshiro128** keyed by (seed, stream name, sub-stream indices). Every draw of an
 * experiment comes from a named stream, so adding draws to one stream never shifts another, and
 * run k / replica a get their own independent sub-streams. Pure 32-bit integer arithmetic
 * (`Math.imul`, `>>> 0`): the same numbers on every host.
 */
import type { Rng, StreamName } from './types';

/** murmur3's 32-bit finalizer: a bijection with full avalanche. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over the UTF-16 code units of `s`. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The key words of a stream: seed (as two 32-bit halves), stream name, sub-stream indices. */
function keyWords(seed: number, stream: string, indices: readonly number[]): number[] {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 0x1_0000_0000) >>> 0;
  const words = [lo, hi, hashString(stream), indices.length];
  for (const i of indices) {
    if (!Number.isSafeInteger(i)) throw new RangeError(`stream index must be an integer, got ${i}`);
    words.push(i >>> 0, Math.floor(i / 0x1_0000_0000) >>> 0);
  }
  return words;
}

const SALTS = [0x9e3779b9, 0x7f4a7c15, 0xf39cc060, 0x5ced0df5] as const;

class Xoshiro128 implements Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  /** Box–Muller yields normals in pairs; the second waits here. */
  private spare: number | null = null;

  constructor(words: readonly number[]) {
    // Four independent sponges over the key words fill the 128-bit state.
    const s = SALTS.map((salt) => {
      let h: number = salt;
      for (const w of words) h = mix32((h ^ w) + 0x6d2b79f5);
      return h;
    });
    this.s0 = s[0] ?? 0;
    this.s1 = s[1] ?? 0;
    this.s2 = s[2] ?? 0;
    this.s3 = s[3] ?? 0;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** The next raw 32-bit output of xoshiro128** (Blackman & Vigna 2018). */
  nextUint32(): number {
    const r = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return r;
  }

  uniform(): number {
    return this.nextUint32() / 0x1_0000_0000;
  }

  normal(): number {
    if (this.spare !== null) {
      const z = this.spare;
      this.spare = null;
      return z;
    }
    // u1 in (0, 1] so the log is finite.
    const u1 = 1 - this.uniform();
    const u2 = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u1));
    const theta = 2 * Math.PI * u2;
    this.spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  }

  int(n: number): number {
    if (!(n >= 1)) throw new RangeError(`int(n) needs n ≥ 1, got ${n}`);
    return Math.floor(this.uniform() * n);
  }

  sign(): number {
    return this.nextUint32() & 1 ? 1 : -1;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * The random stream `stream` of experiment `seed`, optionally a sub-stream: `createRng(seed,
 * 'init', k)` for run k, `createRng(seed, 'init', k, a)` for replica a of run k. Distinct
 * (seed, stream, indices) give independent sequences; equal ones give identical sequences.
 */
export function createRng(seed: number, stream: StreamName, ...indices: number[]): Rng {
  return new Xoshiro128(keyWords(seed, stream, indices));
}

/** A uniformly random permutation of 0..n−1 (Fisher–Yates), drawn from `rng`. */
export function randomPermutation(rng: Rng, n: number): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = p[i] ?? 0;
    p[i] = p[j] ?? 0;
    p[j] = t;
  }
  return p;
}

/** `n` independent N(0, 1) draws from `rng`, as float32. */
export function normalArray(rng: Rng, n: number): Float32Array {
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = rng.normal();
  return a;
}
