/**
 * The per-run training series streamed from the engine to the page: one column per measure, all
 * columns the same length, appended in chunks. Kept as typed arrays end to end.
 */
export const SERIES_KEYS = [
  'step',
  'gradEvals',
  'trainLoss',
  'trainError',
  'testLoss',
  'testError',
  'weightNorm',
] as const;
// λmax, the trace and f_C are measured at the analysis cadence, not every tick: they travel with
// each SpectrumResult (its step and gradEvals say where), see ./analysis.ts.
export type SeriesKey = (typeof SERIES_KEYS)[number];

/** New points of one run's series: `columns[key][i]` is point `start + i`. */
export interface SeriesChunk {
  readonly start: number;
  readonly columns: Readonly<Record<SeriesKey, Float64Array>>;
}

export function seriesChunkLength(chunk: SeriesChunk): number {
  return chunk.columns.step.length;
}

/** The typed-array buffers a chunk's columns live in, for `postMessage`'s transfer list. */
export function seriesChunkBuffers(chunk: SeriesChunk): ArrayBuffer[] {
  return SERIES_KEYS.map((key) => chunk.columns[key].buffer as ArrayBuffer);
}
