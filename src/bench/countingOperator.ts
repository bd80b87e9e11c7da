/**
 * A `LinearOperator` that counts what passes through it: the products (vectors multiplied), the
 * passes (calls), and the seconds spent inside them, so a bench row can print "HVPs used" and the
 * time an algorithm spends beyond its products (host round trips, re-orthogonalization, the small
 * eigensolves).
 */
import type { LinearOperator } from '../core/linalg/linearOperator';

export interface OperatorCounts {
  products: number;
  passes: number;
  seconds: number;
}

export function countingOperator(op: LinearOperator): {
  readonly op: LinearOperator;
  readonly counts: OperatorCounts;
  reset(): void;
} {
  const counts: OperatorCounts = { products: 0, passes: 0, seconds: 0 };
  const timed = async <T>(products: number, run: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await run();
    } finally {
      counts.seconds += (performance.now() - t0) / 1000;
      counts.products += products;
      counts.passes += 1;
    }
  };
  const wrapped: LinearOperator = {
    dim: op.dim,
    apply: (v) => timed(1, () => op.apply(v)),
    ...(op.applyMany
      ? {
          applyMany: (vs: readonly Float64Array[]) => timed(vs.length, () => op.applyMany!(vs)),
          batchSize: op.batchSize ?? 1,
        }
      : {}),
    ...(op.columns
      ? {
          columns: (start: number, end: number) =>
            timed(end - start, () => op.columns!(start, end)),
        }
      : {}),
  };
  return {
    op: wrapped,
    counts,
    reset() {
      counts.products = 0;
      counts.passes = 0;
      counts.seconds = 0;
    },
  };
}
