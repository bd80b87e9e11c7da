/**
 * A scatter of labelled points (one per run), e.g. flatness against test error:
 * `createScatterChart(el, opts) → { update(points), destroy() }`. Linear axes over the data,
 * padded; each dot carries its label as a tooltip and its id as `data-run`.
 */
import { axisBottom, axisLeft, scaleLinear, select } from 'd3';
import { widthOf } from './elementWidth';

export interface ScatterDot {
  readonly id: string;
  readonly label: string;
  readonly color: string;
  readonly x: number;
  readonly y: number;
}

export interface ScatterChartOptions {
  readonly xLabel: string;
  readonly yLabel: string;
  readonly height?: number;
}

export interface ScatterChart {
  update(dots: readonly ScatterDot[]): void;
  destroy(): void;
}

const MARGIN = { top: 12, right: 16, bottom: 40, left: 60 };

/** [lo, hi] of `values` padded by 8% (a single value gets ±1 or ±10% of itself). */
export function paddedExtent(values: readonly number[]): [number, number] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [0, 1];
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    return [lo - pad, hi + pad];
  }
  const pad = (hi - lo) * 0.08;
  return [lo - pad, hi + pad];
}

export function createScatterChart(el: HTMLElement, opts: ScatterChartOptions): ScatterChart {
  const height = opts.height ?? 260;
  const svg = select(el)
    .append('svg')
    .attr('class', 'line-chart scatter-chart')
    .attr('role', 'img')
    .attr('height', height)
    .style('width', '100%');
  const plot = svg.append('g').attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);
  const xAxis = plot.append('g').attr('class', 'axis x');
  const yAxis = plot.append('g').attr('class', 'axis y');
  const marks = plot.append('g').attr('class', 'dots');
  const xTitle = svg.append('text').attr('class', 'axis-title').attr('text-anchor', 'middle');
  svg
    .append('text')
    .attr('class', 'axis-title')
    .attr('text-anchor', 'middle')
    .attr(
      'transform',
      `translate(14,${MARGIN.top + (height - MARGIN.top - MARGIN.bottom) / 2}) rotate(-90)`,
    )
    .text(opts.yLabel);

  function update(dots: readonly ScatterDot[]): void {
    const width = Math.max(200, widthOf(el, 600));
    const innerW = width - MARGIN.left - MARGIN.right;
    const innerH = height - MARGIN.top - MARGIN.bottom;
    svg
      .attr('viewBox', `0 0 ${width} ${height}`)
      .attr('data-points', dots.length)
      .attr('aria-label', `${opts.yLabel} against ${opts.xLabel}: ${dots.length} runs`);
    const x = scaleLinear()
      .domain(paddedExtent(dots.map((d) => d.x)))
      .range([0, innerW]);
    const y = scaleLinear()
      .domain(paddedExtent(dots.map((d) => d.y)))
      .range([innerH, 0])
      .nice();
    xAxis.attr('transform', `translate(0,${innerH})`).call(axisBottom(x).ticks(6, '~g'));
    yAxis.call(axisLeft(y).ticks(5, '~g'));
    xTitle
      .attr('x', MARGIN.left + innerW / 2)
      .attr('y', height - 6)
      .text(opts.xLabel);
    marks
      .selectAll<SVGCircleElement, ScatterDot>('circle')
      .data(dots, (d) => d.id)
      .join((enter) => enter.append('circle').call((c) => c.append('title')))
      .attr('r', 6)
      .attr('cx', (d) => x(d.x))
      .attr('cy', (d) => y(d.y))
      .attr('data-run', (d) => d.id)
      .style('fill', (d) => d.color)
      .attr('fill-opacity', 0.85)
      .attr('stroke', '#fff')
      .select('title')
      .text((d) => `${d.label}: x ${d.x.toPrecision(3)}, y ${d.y.toPrecision(3)}`);
  }

  return {
    update,
    destroy() {
      svg.remove();
    },
  };
}
