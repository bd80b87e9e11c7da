/**
 * A run's streamed series on the page: one growable Float64Array per measure, appended in place.
 * `version` increases on every change so a view re-renders exactly when its run's data changed.
 */
import {
  SERIES_KEYS,
  seriesChunkLength,
  type SeriesChunk,
  type SeriesKey,
} from '../protocol/series';

export interface SeriesBuffer {
  readonly length: number;
  readonly version: number;
  /** Column arrays; only the first `length` entries are meaningful. */
  readonly columns: Readonly<Record<SeriesKey, Float64Array>>;
}

function allocate(capacity: number): Record<SeriesKey, Float64Array> {
  const columns = {} as Record<SeriesKey, Float64Array>;
  for (const key of SERIES_KEYS) columns[key] = new Float64Array(capacity);
  return columns;
}

export function emptySeries(): SeriesBuffer {
  return { length: 0, version: 0, columns: allocate(256) };
}

/** Appends `chunk` (which starts at `chunk.start`, overwriting anything from there on). */
export function appendSeries(series: SeriesBuffer, chunk: SeriesChunk): SeriesBuffer {
  const n = seriesChunkLength(chunk);
  const length = chunk.start + n;
  let columns = series.columns;
  const capacity = columns.step.length;
  if (length > capacity) {
    const grown = allocate(Math.max(length, capacity * 2));
    for (const key of SERIES_KEYS) grown[key].set(columns[key].subarray(0, series.length));
    columns = grown;
  }
  for (const key of SERIES_KEYS) columns[key].set(chunk.columns[key], chunk.start);
  return { length, version: series.version + 1, columns };
}

/** Keeps the first `length` points (after a recovery resumed from an earlier checkpoint). */
export function truncateSeries(series: SeriesBuffer, length: number): SeriesBuffer {
  if (length >= series.length) return series;
  return { length, version: series.version + 1, columns: series.columns };
}

/** The latest value of `key`, or NaN for an empty series. */
export function lastValue(series: SeriesBuffer, key: SeriesKey): number {
  return series.length > 0 ? (series.columns[key][series.length - 1] ?? Number.NaN) : Number.NaN;
}
