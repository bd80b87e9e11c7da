/**
 * The frame the line, spectrum and scatter charts draw in: an SVG as wide as its container (a
 * viewBox, so it scales with the page), a plot group inset by the margins, the x axis along its
 * bottom edge and the y axis along its left, and a title for each. A chart adds its marks with
 * `layer(name)`, sizes the frame with `resize()` at each draw and hands it its two axes.
 */
import { select, type Axis, type NumberValue, type Selection } from 'd3';
import { widthOf } from './elementWidth';

export interface Margin {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/** Room for the tick labels of the left and bottom axes and their titles. */
export const MARGIN: Margin = { top: 12, right: 16, bottom: 40, left: 60 };

/** Narrower than this, the axes' labels collide: the frame scales down instead. */
const MIN_WIDTH = 200;
/** The width before the container has one (not yet laid out, or in Node). */
const DEFAULT_WIDTH = 600;

export interface ChartFrameOptions {
  /** The svg's classes: 'line-chart' (the axes' style) and the chart's own. */
  readonly className: string;
  readonly height: number;
  readonly margin?: Margin;
  /** The svg's accessible name before the chart first names it. */
  readonly label?: string;
}

/** The frame's size in SVG units, and its plot area's (inside the margins). */
export interface FrameSize {
  readonly width: number;
  readonly height: number;
  readonly innerW: number;
  readonly innerH: number;
}

type Group = Selection<SVGGElement, unknown, null, undefined>;

export interface ChartFrame {
  readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  /** A new group of marks in the plot area, drawn over the axes and the earlier layers. */
  readonly layer: (className: string) => Group;
  /** Fits the viewBox to the container's width; call at every draw, before `axes`. */
  readonly resize: () => FrameSize;
  /** Draws the axes for the last `resize` and titles them. */
  readonly axes: (
    x: Axis<NumberValue>,
    y: Axis<NumberValue>,
    titles: { readonly x: string; readonly y: string },
  ) => void;
  /** Removes the svg (a chart's `destroy`). */
  readonly destroy: () => void;
}

export function createChartFrame(el: HTMLElement, opts: ChartFrameOptions): ChartFrame {
  const { height } = opts;
  const margin = opts.margin ?? MARGIN;
  const svg = select(el).append('svg').attr('class', opts.className).attr('role', 'img');
  if (opts.label !== undefined) svg.attr('aria-label', opts.label);
  svg.attr('height', height).style('width', '100%');
  const plot = svg.append('g').attr('transform', `translate(${margin.left},${margin.top})`);
  const xAxis = plot.append('g').attr('class', 'axis x');
  const yAxis = plot.append('g').attr('class', 'axis y');
  const xTitle = svg.append('text').attr('class', 'axis-title').attr('text-anchor', 'middle');
  const yTitle = svg
    .append('text')
    .attr('class', 'axis-title')
    .attr('text-anchor', 'middle')
    .attr(
      'transform',
      `translate(14,${margin.top + (height - margin.top - margin.bottom) / 2}) rotate(-90)`,
    );

  let size: FrameSize = { width: 0, height, innerW: 0, innerH: 0 };

  return {
    svg,
    layer: (className) => plot.append('g').attr('class', className),
    resize() {
      const width = Math.max(MIN_WIDTH, widthOf(el, DEFAULT_WIDTH));
      size = {
        width,
        height,
        innerW: width - margin.left - margin.right,
        innerH: height - margin.top - margin.bottom,
      };
      svg.attr('viewBox', `0 0 ${width} ${height}`);
      return size;
    },
    axes(x, y, titles) {
      xAxis.attr('transform', `translate(0,${size.innerH})`).call(x);
      yAxis.call(y);
      xTitle
        .attr('x', margin.left + size.innerW / 2)
        .attr('y', height - 6)
        .text(titles.x);
      yTitle.text(titles.y);
    },
    destroy() {
      svg.remove();
    },
  };
}
