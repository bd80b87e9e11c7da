/** Runs at equal weights — every run at step 0, from the shared initialization — have equal analyses. */

/**
 * For each of `weights`, the index of the first entry equal to it (its own index if none before):
 * every analysis is a function of the weights and the experiment seed, so twins share theirs.
 */
export function twinOf(weights: readonly Float32Array[]): number[] {
  return weights.map((w, i) => {
    const j = weights.findIndex((v) => v.length === w.length && v.every((x, k) => x === w[k]));
    return j >= 0 && j < i ? j : i;
  });
}

/** A twin's result for another run: `of` with its typed arrays copied (each run owns its own), then `ids`. */
export function twinCopy<T extends object>(of: T, ids: Partial<T>): T {
  const copy = Object.fromEntries(
    Object.entries(of).map(([key, value]) => [
      key,
      ArrayBuffer.isView(value) ? (value as unknown as Float64Array).slice() : value,
    ]),
  ) as T;
  return { ...copy, ...ids };
}
