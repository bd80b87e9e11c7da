import type { Rng, Split } from '../types';
import { signPatterns } from './randomPatterns';

/**
 * The teacher–student task: a Gaussian teacher w_T ~ N(0, I_n) (drawn first), then train and
 * test patterns ξ ∈ {±1}^n labelled y = sign(w_T·ξ) (a tie, of probability zero, gives +1).
 * Train has P = round(α·n) rows, test `test` rows; inputs [·, n], labels ±1.
 */
export function teacherStudent(
  rng: Rng,
  n: number,
  alpha: number,
  test: number,
): { teacher: Float32Array; train: Split; test: Split } {
  const teacher = new Float32Array(n);
  for (let j = 0; j < n; j++) teacher[j] = rng.normal();
  const label = (count: number): Split => {
    const x = signPatterns(rng, count, n);
    const y = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      let h = 0;
      for (let j = 0; j < n; j++) h += (teacher[j] ?? 0) * (x[i * n + j] ?? 0);
      y[i] = h < 0 ? -1 : 1;
    }
    return { x, y, count };
  };
  const train = label(Math.round(alpha * n));
  return { teacher, train, test: label(test) };
}
