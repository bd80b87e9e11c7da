/**
 * Records one run's measurements row by row and hands out the rows added since the last flush as
 * a transferable SeriesChunk (the page appends chunks; nothing is sent twice).
 */
import { SERIES_KEYS, type SeriesChunk, type SeriesKey } from '../protocol/series';

export type SeriesRow = Readonly<Record<SeriesKey, number>>;

export class SeriesRecorder {
  private pending: SeriesRow[] = [];
  private flushed: number;

  /** `start`: rows already held by the page (a resumed run continues its series). */
  constructor(start = 0) {
    this.flushed = start;
  }

  /** Rows recorded in all, flushed or not. */
  get length(): number {
    return this.flushed + this.pending.length;
  }

  push(row: SeriesRow): void {
    this.pending.push(row);
  }

  /** The rows since the previous flush, or null when there are none. */
  flush(): SeriesChunk | null {
    if (this.pending.length === 0) return null;
    const n = this.pending.length;
    const columns = {} as Record<SeriesKey, Float64Array>;
    for (const key of SERIES_KEYS) {
      const column = new Float64Array(n);
      for (let i = 0; i < n; i++) column[i] = this.pending[i]?.[key] ?? Number.NaN;
      columns[key] = column;
    }
    const chunk: SeriesChunk = { start: this.flushed, columns };
    this.flushed += n;
    this.pending = [];
    return chunk;
  }
}
