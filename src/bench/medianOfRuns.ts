/**
 * The median of several runs of the same benchmark, field by field: every number in the result is
 * replaced by the median of that number across the runs; strings, booleans and nulls come from the
 * first run. On this kind of VM a row moves by ±30% from one run to the next with the host's load;
 * the median of three interleaved runs is what `npm run bench -- --runs 3` reports.
 */

/** Middle value of `values` (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : 0.5 * (s[mid - 1]! + s[mid]!);
}

/** `runs` (same shape, at least one) merged into one: numbers by their median. */
export function medianOfRuns<T>(runs: readonly T[]): T {
  if (runs.length === 0) throw new Error('medianOfRuns: no runs');
  return merge(runs) as T;
}

function merge(values: readonly unknown[]): unknown {
  const first = values[0];
  if (typeof first === 'number') {
    const numbers = values.filter((v): v is number => typeof v === 'number');
    return numbers.length === values.length ? median(numbers) : first;
  }
  if (Array.isArray(first)) {
    const arrays = values.filter(Array.isArray) as unknown[][];
    const length = Math.min(...arrays.map((a) => a.length));
    return Array.from({ length }, (_, i) => merge(arrays.map((a) => a[i])));
  }
  if (first !== null && typeof first === 'object') {
    const objects = values.filter(
      (v): v is Record<string, unknown> => v !== null && typeof v === 'object',
    );
    return Object.fromEntries(
      Object.keys(first).map((key) => [key, merge(objects.map((o) => o[key]))]),
    );
  }
  return first;
}
