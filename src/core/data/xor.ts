import type { Rng, Split } from '../types';

/**
 * `count` points of the XOR problem: class c = i mod 2; |x₁|, |x₂| ~ U(0, 1) with signs such that
 * x₁·x₂ > 0 for class 1 and < 0 for class 0, plus noise·N(0, I₂) (which may cross the axes).
 * Inputs [count, 2].
 */
export function xor(rng: Rng, count: number, opts: { noise: number }): Split {
  const x = new Float32Array(count * 2);
  const y = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const c = i % 2;
    const s1 = rng.sign();
    const s2 = c === 1 ? s1 : -s1;
    x[2 * i] = s1 * rng.uniform() + opts.noise * rng.normal();
    x[2 * i + 1] = s2 * rng.uniform() + opts.noise * rng.normal();
    y[i] = c;
  }
  return { x, y, count };
}
