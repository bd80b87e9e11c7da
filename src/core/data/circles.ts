import type { Rng, Split } from '../types';

/**
 * `count` points on two concentric circles: class 0 on radius 1, class 1 on radius `factor`,
 * angle θ ~ U(0, 2π), plus noise·N(0, I₂). Labels alternate 0, 1, 0, …. Inputs [count, 2].
 */
export function circles(rng: Rng, count: number, opts: { noise: number; factor: number }): Split {
  const x = new Float32Array(count * 2);
  const y = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const c = i % 2;
    const r = c === 0 ? 1 : opts.factor;
    const theta = 2 * Math.PI * rng.uniform();
    x[2 * i] = r * Math.cos(theta) + opts.noise * rng.normal();
    x[2 * i + 1] = r * Math.sin(theta) + opts.noise * rng.normal();
    y[i] = c;
  }
  return { x, y, count };
}
