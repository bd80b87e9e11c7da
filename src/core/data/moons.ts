import type { Rng, Split } from '../types';

/**
 * `count` points on two interleaving half circles (scikit-learn's `make_moons`, centred): class 0
 * at (cos θ, sin θ), class 1 at (1 − cos θ, ½ − sin θ), θ ~ U(0, π), shifted by (−½, −¼), plus
 * noise·N(0, I₂). Labels alternate 0, 1, 0, …. Inputs [count, 2].
 */
export function moons(rng: Rng, count: number, opts: { noise: number }): Split {
  const x = new Float32Array(count * 2);
  const y = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const c = i % 2;
    const theta = Math.PI * rng.uniform();
    const a = c === 0 ? Math.cos(theta) : 1 - Math.cos(theta);
    const b = c === 0 ? Math.sin(theta) : 0.5 - Math.sin(theta);
    x[2 * i] = a - 0.5 + opts.noise * rng.normal();
    x[2 * i + 1] = b - 0.25 + opts.noise * rng.normal();
    y[i] = c;
  }
  return { x, y, count };
}
