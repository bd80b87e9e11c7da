/**
 * A scatter of labelled points (one per run), e.g. flatness against test error:
 * `createScatterChart(el, opts) → { update(points), destroy() }`. Linear axes over the data,
 * padded; each dot carries its label as a tooltip and its id as `data-run`.
 */
import { axisBottom, axisLeft, scaleLinear } from 'd3';
import { createChartFrame } from './chartFrame';
import type { ChartHandle } from './chartHandle';

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

export function createScatterChart(
  el: HTMLElement,
  opts: ScatterChartOptions,
): ChartHandle<readonly ScatterDot[]> {
  const frame = createChartFrame(el, {
    className: 'line-chart scatter-chart',
    height: opts.height ?? 260,
  });
  const marks = frame.layer('dots');

  function update(dots: readonly ScatterDot[]): void {
    const { innerW, innerH } = frame.resize();
    frame.svg
      .attr('data-points', dots.length)
      .attr('aria-label', `${opts.yLabel} against ${opts.xLabel}: ${dots.length} runs`);
    const x = scaleLinear()
      .domain(paddedExtent(dots.map((d) => d.x)))
      .range([0, innerW]);
    const y = scaleLinear()
      .domain(paddedExtent(dots.map((d) => d.y)))
      .range([innerH, 0])
      .nice();
    // Linear axes keep d3's default tick format: '~g' writes 10 as "1e+1" at a step of 2.
    frame.axes(axisBottom(x).ticks(6), axisLeft(y).ticks(5), {
      x: opts.xLabel,
      y: opts.yLabel,
    });
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

  return { update, destroy: frame.destroy };
}
