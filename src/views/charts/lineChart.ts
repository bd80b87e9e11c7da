/**
 * A line chart of several series against a shared x: d3 owns the SVG, the caller owns the data.
 * `createLineChart(el, opts) → { update(lines), destroy() }`.
 */
import {
  axisBottom,
  axisLeft,
  line,
  scaleLinear,
  scaleLog,
  select,
  type ScaleContinuousNumeric,
} from 'd3';

export interface ChartLine {
  readonly id: string;
  readonly label: string;
  readonly color: string;
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  /** Points to draw: the first `length` of x and y. */
  readonly length: number;
}

export interface LineChartOptions {
  readonly xLabel: string;
  readonly yLabel: string;
  readonly logY?: boolean;
  readonly height?: number;
}

export interface LineChart {
  update(lines: readonly ChartLine[]): void;
  destroy(): void;
}

const MARGIN = { top: 12, right: 16, bottom: 40, left: 56 };
/** More points than pixels is wasted work: thin each line to about this many. */
const MAX_POINTS = 1200;

/** Indices of at most `max` points spread evenly over [0, n), always keeping the last. */
export function thinIndices(n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const stride = (n - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => Math.round(i * stride));
}

/** [min, max] of the finite (and, for a log axis, positive) values of the lines' y. */
export function yExtent(lines: readonly ChartLine[], logY: boolean): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const l of lines) {
    for (let i = 0; i < l.length; i++) {
      const v = l.y[i] ?? Number.NaN;
      if (!Number.isFinite(v) || (logY && v <= 0)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (lo > hi) return null;
  if (lo === hi) return logY ? [lo / 2, hi * 2] : [lo - 1, hi + 1];
  return [lo, hi];
}

export function createLineChart(el: HTMLElement, opts: LineChartOptions): LineChart {
  const height = opts.height ?? 260;
  const svg = select(el)
    .append('svg')
    .attr('class', 'line-chart')
    .attr('role', 'img')
    .attr('aria-label', `${opts.yLabel} against ${opts.xLabel}`)
    .attr('height', height)
    .style('width', '100%');
  const plot = svg.append('g').attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);
  const xAxis = plot.append('g').attr('class', 'axis x');
  const yAxis = plot.append('g').attr('class', 'axis y');
  const paths = plot.append('g').attr('class', 'lines');
  const xTitle = svg.append('text').attr('class', 'axis-title').attr('text-anchor', 'middle');
  svg
    .append('text')
    .attr('class', 'axis-title')
    .attr('text-anchor', 'middle')
    .attr('transform', `translate(14,${MARGIN.top + (height - MARGIN.top - MARGIN.bottom) / 2}) rotate(-90)`)
    .text(opts.yLabel);

  function update(lines: readonly ChartLine[]): void {
    const width = Math.max(200, el.clientWidth || 600);
    const innerW = width - MARGIN.left - MARGIN.right;
    const innerH = height - MARGIN.top - MARGIN.bottom;
    svg.attr('viewBox', `0 0 ${width} ${height}`);
    let xMax = 1;
    for (const l of lines) if (l.length > 0) xMax = Math.max(xMax, l.x[l.length - 1] ?? 0);
    const x = scaleLinear().domain([0, xMax]).range([0, innerW]);
    const extent = yExtent(lines, opts.logY ?? false) ?? [0.01, 1];
    const y: ScaleContinuousNumeric<number, number> = (opts.logY ? scaleLog() : scaleLinear())
      .domain(extent)
      .range([innerH, 0])
      .nice();
    xAxis.attr('transform', `translate(0,${innerH})`).call(axisBottom(x).ticks(6));
    yAxis.call(axisLeft(y).ticks(5, opts.logY ? '~g' : undefined));
    xTitle.attr('x', MARGIN.left + innerW / 2).attr('y', height - 6).text(opts.xLabel);

    paths
      .selectAll<SVGPathElement, ChartLine>('path')
      .data(lines, (d) => d.id)
      .join('path')
      .attr('fill', 'none')
      .attr('stroke', (d) => d.color)
      .attr('stroke-width', 2)
      .attr('data-points', (d) => d.length)
      .attr('d', (d) => {
        const draw = line<number>()
          .defined((i) => {
            const v = d.y[i] ?? Number.NaN;
            return Number.isFinite(v) && (!opts.logY || v > 0);
          })
          .x((i) => x(d.x[i] ?? 0))
          .y((i) => y(d.y[i] ?? 0));
        return draw(thinIndices(d.length, MAX_POINTS)) ?? '';
      });
  }

  return {
    update,
    destroy() {
      svg.remove();
    },
  };
}
