/**
 * A line chart of several series against a shared x: d3 owns the SVG, the caller owns the data.
 * `createLineChart(el, opts) → { update(lines), destroy() }`. Lines may carry a spread band
 * (lower/upper) and a dash; points with a non-finite x or y are skipped and the line joins its
 * neighbours (measures taken at the analysis cadence are NaN in between).
 */
import {
  area,
  axisBottom,
  axisLeft,
  line,
  scaleLinear,
  scaleLog,
  type ScaleContinuousNumeric,
} from 'd3';
import { createChartFrame } from './chartFrame';
import type { ChartHandle } from './chartHandle';

export interface ChartLine {
  readonly id: string;
  readonly label: string;
  readonly color: string;
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  /** Points to draw: the first `length` of x and y. */
  readonly length: number;
  /** A shaded band from lower[i] to upper[i] (e.g. mean ± spread). */
  readonly lower?: ArrayLike<number>;
  readonly upper?: ArrayLike<number>;
  /** SVG stroke-dasharray, e.g. '6 4' for a baseline. */
  readonly dash?: string;
  /** Draw a dot at every point (few points, e.g. σ values). */
  readonly dots?: boolean;
}

export interface LineChartOptions {
  readonly xLabel: string;
  readonly yLabel: string;
  readonly logY?: boolean;
  readonly logX?: boolean;
  /** Start the x axis at 0 (step counts); otherwise it spans the data. */
  readonly xFromZero?: boolean;
  readonly height?: number;
}

/** More points than pixels is wasted work: thin each line to about this many. */
const MAX_POINTS = 1200;

/** Indices of at most `max` points spread evenly over [0, n), always keeping the last. */
export function thinIndices(n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const stride = (n - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => Math.round(i * stride));
}

function drawable(v: number, log: boolean): boolean {
  return Number.isFinite(v) && (!log || v > 0);
}

/** Indices of the points of `l` drawable on the chart's axes. */
export function drawableIndices(l: ChartLine, logX: boolean, logY: boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < l.length; i++) {
    if (drawable(l.x[i] ?? Number.NaN, logX) && drawable(l.y[i] ?? Number.NaN, logY)) out.push(i);
  }
  return out;
}

function extentOf(
  arrays: readonly (ArrayLike<number> | undefined)[],
  length: number,
  log: boolean,
  acc: [number, number],
): void {
  for (const values of arrays) {
    if (!values) continue;
    for (let i = 0; i < Math.min(length, values.length); i++) {
      const v = values[i] ?? Number.NaN;
      if (!drawable(v, log)) continue;
      if (v < acc[0]) acc[0] = v;
      if (v > acc[1]) acc[1] = v;
    }
  }
}

function padded([lo, hi]: [number, number], log: boolean): [number, number] | null {
  if (lo > hi) return null;
  if (lo === hi) return log ? [lo / 2, hi * 2] : [lo - 1, hi + 1];
  return [lo, hi];
}

/** [min, max] of the drawable values of the lines' y (and bands). */
export function yExtent(lines: readonly ChartLine[], logY: boolean): [number, number] | null {
  const acc: [number, number] = [Infinity, -Infinity];
  for (const l of lines) extentOf([l.y, l.lower, l.upper], l.length, logY, acc);
  return padded(acc, logY);
}

/** [min, max] of the drawable values of the lines' x. */
export function xExtent(lines: readonly ChartLine[], logX: boolean): [number, number] | null {
  const acc: [number, number] = [Infinity, -Infinity];
  for (const l of lines) extentOf([l.x], l.length, logX, acc);
  return padded(acc, logX);
}

export function createLineChart(
  el: HTMLElement,
  opts: LineChartOptions,
): ChartHandle<readonly ChartLine[]> {
  const logX = opts.logX ?? false;
  const logY = opts.logY ?? false;
  const labels = { x: opts.xLabel, y: opts.yLabel };
  const frame = createChartFrame(el, {
    className: 'line-chart',
    height: opts.height ?? 260,
    label: `${labels.y} against ${labels.x}`,
  });
  const bands = frame.layer('bands');
  const paths = frame.layer('lines');
  const dots = frame.layer('dots');

  function update(lines: readonly ChartLine[]): void {
    const { innerW, innerH } = frame.resize();
    frame.svg.attr('data-lines', lines.length);
    const xe = xExtent(lines, logX) ?? (logX ? [0.01, 1] : [0, 1]);
    const xDomain: [number, number] = opts.xFromZero && !logX ? [0, Math.max(1, xe[1])] : xe;
    const x: ScaleContinuousNumeric<number, number> = (logX ? scaleLog() : scaleLinear())
      .domain(xDomain)
      .range([0, innerW]);
    const y: ScaleContinuousNumeric<number, number> = (logY ? scaleLog() : scaleLinear())
      .domain(yExtent(lines, logY) ?? (logY ? [0.01, 1] : [0, 1]))
      .range([innerH, 0])
      .nice();
    frame.axes(
      axisBottom(x).ticks(
        logX ? Math.max(2, Math.floor(innerW / 120)) : 6,
        logX ? '~g' : undefined,
      ),
      axisLeft(y).ticks(5, logY ? '~g' : undefined),
      labels,
    );

    const shown = lines.map((l) => ({ line: l, idx: thinIndices(0, 0) }));
    for (const s of shown) {
      const idx = drawableIndices(s.line, logX, logY);
      s.idx = thinIndices(idx.length, MAX_POINTS).map((k) => idx[k] ?? 0);
    }

    paths
      .selectAll<SVGPathElement, (typeof shown)[number]>('path')
      .data(shown, (d) => d.line.id)
      .join('path')
      .attr('fill', 'none')
      .style('stroke', (d) => d.line.color)
      .attr('stroke-width', 2)
      .attr('stroke-dasharray', (d) => d.line.dash ?? null)
      .attr('data-points', (d) => d.idx.length)
      .attr('data-run', (d) => d.line.id)
      .attr('d', (d) => {
        const draw = line<number>()
          .x((i) => x(d.line.x[i] ?? 0))
          .y((i) => y(d.line.y[i] ?? 0));
        return draw(d.idx) ?? '';
      });

    bands
      .selectAll<SVGPathElement, (typeof shown)[number]>('path')
      .data(
        shown.filter((d) => d.line.lower && d.line.upper),
        (d) => d.line.id,
      )
      .join('path')
      .style('fill', (d) => d.line.color)
      .attr('fill-opacity', 0.16)
      .attr('stroke', 'none')
      .attr('d', (d) => {
        const lo = d.line.lower ?? d.line.y;
        const hi = d.line.upper ?? d.line.y;
        const [y0, y1] = y.range() as [number, number];
        const clampY = (v: number) => Math.min(y0, Math.max(y1, drawable(v, logY) ? y(v) : y0));
        const draw = area<number>()
          .x((i) => x(d.line.x[i] ?? 0))
          .y0((i) => clampY(lo[i] ?? Number.NaN))
          .y1((i) => clampY(hi[i] ?? Number.NaN));
        return draw(d.idx) ?? '';
      });

    dots
      .selectAll<SVGGElement, (typeof shown)[number]>('g')
      .data(
        shown.filter((d) => d.line.dots),
        (d) => d.line.id,
      )
      .join('g')
      .style('fill', (d) => d.line.color)
      .selectAll('circle')
      .data((d) => d.idx.map((i) => [x(d.line.x[i] ?? 0), y(d.line.y[i] ?? 0)] as const))
      .join('circle')
      .attr('r', 3.5)
      .attr('cx', (p) => p[0])
      .attr('cy', (p) => p[1]);
  }

  return { update, destroy: frame.destroy };
}
