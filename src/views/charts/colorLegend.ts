/**
 * A horizontal colour bar with an axis, for the loss slice's colour scale (linear or log).
 * `createColorLegend(el, opts) → { update(domain), destroy() }`.
 */
import { axisBottom, interpolateViridis, scaleLinear, scaleLog, select } from 'd3';
import type { ChartHandle } from './chartHandle';
import type { ColorDomain } from './colorScale';
import { widthOf } from './elementWidth';

export interface ColorLegendOptions {
  readonly label: string;
}

const HEIGHT = 44;
const STOPS = 16;

export function createColorLegend(
  el: HTMLElement,
  opts: ColorLegendOptions,
): ChartHandle<ColorDomain | null> {
  const svg = select(el)
    .append('svg')
    .attr('class', 'color-legend line-chart')
    .attr('height', HEIGHT)
    .style('width', '100%');
  const gradientId = `legend-${Math.random().toString(36).slice(2)}`;
  const gradient = svg.append('defs').append('linearGradient').attr('id', gradientId);
  gradient
    .selectAll('stop')
    .data(Array.from({ length: STOPS + 1 }, (_, k) => k / STOPS))
    .join('stop')
    .attr('offset', (t) => `${100 * t}%`)
    .attr('stop-color', (t) => interpolateViridis(t));
  const bar = svg
    .append('rect')
    .attr('height', 12)
    .attr('y', 4)
    .attr('fill', `url(#${gradientId})`);
  const axis = svg.append('g').attr('class', 'axis').attr('transform', 'translate(0,16)');
  const title = svg.append('text').attr('class', 'axis-title').attr('y', 14);

  return {
    update(domain) {
      const width = Math.max(160, widthOf(el, 300));
      const titleW = 110;
      const x0 = titleW;
      const x1 = width - 16;
      svg.attr('viewBox', `0 0 ${width} ${HEIGHT}`);
      title.attr('x', 0).text(domain ? `${opts.label}${domain.log ? ' (log)' : ''}` : opts.label);
      bar
        .attr('x', x0)
        .attr('width', Math.max(0, x1 - x0))
        .attr('display', domain ? 'inline' : 'none');
      if (!domain) {
        axis.selectAll('*').remove();
        return;
      }
      const scale = (domain.log ? scaleLog() : scaleLinear())
        .domain([domain.lo, domain.hi])
        .range([x0, x1]);
      // '~g' only on a log scale: on a linear one it writes 10 as "1e+1" at a step of 2.
      axis.call(axisBottom(scale).ticks(5, domain.log ? '~g' : undefined));
      svg
        .attr('data-lo', domain.lo)
        .attr('data-hi', domain.hi)
        .attr('data-log', String(domain.log));
    },
    destroy() {
      svg.remove();
    },
  };
}
