/**
 * Test fixture: the quadratic landscape L(w') = ½ Σ_i λ_i (w'_i − w_i)² around a minimum w, with
 * "error" 1 where L exceeds a threshold, as a pure-JS `PointEvaluator`.
 */
import type { PointEvaluator } from '../slices/evaluatePoints';

export function quadraticEvaluator(
  minimum: ArrayLike<number>,
  curvatures: ArrayLike<number>,
  errorThreshold: number,
): PointEvaluator {
  return (points) => {
    const loss = Float64Array.from(points, (p) => {
      let s = 0;
      for (let i = 0; i < p.length; i++) s += 0.5 * curvatures[i]! * (p[i]! - minimum[i]!) ** 2;
      return s;
    });
    return Promise.resolve({ loss, error: loss.map((l) => (l > errorThreshold ? 1 : 0)) });
  };
}
