/**
 * What every chart module returns: `createXChart(el, opts) → ChartHandle<T>`. React mounts it once
 * (../useChart) and then only feeds it data; d3 owns what it draws inside `el`.
 */
export interface ChartHandle<T> {
  /** Redraws for `data` at the container's current width. */
  update(data: T): void;
  /** Removes everything the chart added to its container. */
  destroy(): void;
}
