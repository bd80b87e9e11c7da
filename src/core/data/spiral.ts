import type { Rng, Split } from '../types';

/**
 * `count` points on `classes` interleaved spiral arms: for class c = i mod C and t ~ U(0, 1),
 * x = t·(cos θ, sin θ) + noise·N(0, I₂) with θ = 2π·turns·t + 2πc/C. Inputs [count, 2].
 */
export function spiral(
  rng: Rng,
  count: number,
  opts: { classes: number; turns: number; noise: number },
): Split {
  const x = new Float32Array(count * 2);
  const y = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const c = i % opts.classes;
    const t = rng.uniform();
    const theta = 2 * Math.PI * (opts.turns * t + c / opts.classes);
    x[2 * i] = t * Math.cos(theta) + opts.noise * rng.normal();
    x[2 * i + 1] = t * Math.sin(theta) + opts.noise * rng.normal();
    y[i] = c;
  }
  return { x, y, count };
}
