/**
 * Records one run's measurements row by row and hands out the rows added since the last flush as
 * a transferable SeriesChunk (the page appends chunks; nothing is sent twice).
 */
import { SERIES_KEYS, type SeriesChunk, type SeriesKey } from '../protocol/series';

export type SeriesRow = Readonly<Record<SeriesKey, number>>;

export class SeriesRecorder {
  private pending: SeriesRow[] = [];
  private flushed: number;
  /** Every row this recorder saw (a resumed run holds only those since the resume). */
  private readonly history: SeriesRow[] = [];

  /** `start`: rows already held by the page (a resumed run continues its series). */
  constructor(start = 0) {
    this.flushed = start;
  }

  /** Every row recorded by this recorder, as columns (for the export). */
  columns(): Record<SeriesKey, Float64Array> {
    return toColumns(this.history);
  }

  /** Rows recorded in all, flushed or not. */
  get length(): number {
    return this.flushed + this.pending.length;
  }

  push(row: SeriesRow): void {
    this.pending.push(row);
    this.history.push(row);
  }

  /** The rows since the previous flush, or null when there are none. */
  flush(): SeriesChunk | null {
    if (this.pending.length === 0) return null;
    const chunk: SeriesChunk = { start: this.flushed, columns: toColumns(this.pending) };
    this.flushed += this.pending.length;
    this.pending = [];
    return chunk;
  }
}

function toColumns(rows: readonly SeriesRow[]): Record<SeriesKey, Float64Array> {
  const columns = {} as Record<SeriesKey, Float64Array>;
  for (const key of SERIES_KEYS) columns[key] = Float64Array.from(rows, (row) => row[key]);
  return columns;
}
