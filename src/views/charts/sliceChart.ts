/**
 * The loss slice: a canvas heatmap of L(w₀ + a·u + b·v) (one ImageData pixel per grid point, scaled
 * by the browser), SVG contour lines in the colour scale's space, and every run's projected
 * trajectory with its current point, fading with its distance off the plane. Hovering reads out
 * (a, b), the loss and the error, and the nearest trajectory point's distance off the plane.
 * `createSliceChart(el, opts) → { update(data), destroy() }`.
 */
import { axisBottom, axisLeft, contours, line, scaleLinear, select } from 'd3';
import type { SliceResult } from '../../protocol/analysis';
import {
  colorLut,
  contourThresholds,
  contourValues,
  heatmapPixels,
  type ColorDomain,
} from './colorScale';
import type { ChartHandle } from './chartHandle';
import { gridBox, nearestPoint, offPlaneOpacity, sampleGrid, type PlaneBox } from './sliceGeometry';
import { widthOf } from './elementWidth';

export interface SliceRun {
  readonly id: string;
  readonly label: string;
  readonly color: string;
}

export interface SliceChartData {
  readonly slice: SliceResult | null;
  readonly runs: readonly SliceRun[];
  /** The colour scale (shared by small multiples); null draws nothing. */
  readonly domain: ColorDomain | null;
  /** The plane rectangle to show (shared by small multiples); null: the slice's own grid. */
  readonly box: PlaneBox | null;
  /** Which trajectories to draw: all (main slice) or only the anchor run's (local slices). */
  readonly trajectories: 'all' | 'anchor';
}

export interface SliceChartOptions {
  readonly height: number;
  /** Small multiple: fewer ticks, no axis titles, no contour labels. */
  readonly compact?: boolean;
  readonly contours?: number;
}

const LUT = colorLut();
/** Trajectory dots drawn per run (the path itself keeps every point). */
const MAX_DOTS = 48;

function fmt(v: number): string {
  if (!Number.isFinite(v)) return '—';
  const a = Math.abs(v);
  return a !== 0 && (a < 1e-3 || a >= 1e4) ? v.toExponential(2) : v.toPrecision(3);
}

/** An SVG path string for d3-contour's polygons, mapping grid coordinates through `px`, `py`. */
function contourPath(
  coordinates: number[][][][],
  px: (x: number) => number,
  py: (y: number) => number,
): string {
  let d = '';
  for (const polygon of coordinates) {
    for (const ring of polygon) {
      ring.forEach((p, k) => {
        d += `${k === 0 ? 'M' : 'L'}${px(p[0] ?? 0).toFixed(1)},${py(p[1] ?? 0).toFixed(1)}`;
      });
      d += 'Z';
    }
  }
  return d;
}

export function createSliceChart(
  el: HTMLElement,
  opts: SliceChartOptions,
): ChartHandle<SliceChartData> {
  const compact = opts.compact ?? false;
  const margin = compact
    ? { top: 6, right: 6, bottom: 22, left: 34 }
    : { top: 8, right: 12, bottom: 38, left: 50 };
  const height = opts.height;
  const root = select(el).append('div').attr('class', 'slice-chart').style('height', `${height}px`);
  const canvas = root.append('canvas').attr('class', 'slice-heatmap').attr('aria-hidden', 'true');
  const svg = root
    .append('svg')
    .attr('class', 'slice-overlay')
    .attr('role', 'img')
    .attr('height', height)
    .style('width', '100%');
  const clipId = `slice-clip-${Math.random().toString(36).slice(2)}`;
  const clipRect = svg.append('clipPath').attr('id', clipId).append('rect');
  const plot = svg.append('g');
  const contourLayer = plot
    .append('g')
    .attr('class', 'contours')
    .attr('clip-path', `url(#${clipId})`);
  const trajLayer = plot
    .append('g')
    .attr('class', 'trajectories')
    .attr('clip-path', `url(#${clipId})`);
  const xAxis = plot.append('g').attr('class', 'axis x');
  const yAxis = plot.append('g').attr('class', 'axis y');
  const frame = plot.append('rect').attr('class', 'slice-frame');
  const hoverDot = plot
    .append('circle')
    .attr('class', 'hover-dot')
    .attr('r', 4)
    .style('display', 'none');
  const xTitle = svg.append('text').attr('class', 'axis-title').attr('text-anchor', 'middle');
  const yTitle = svg.append('text').attr('class', 'axis-title').attr('text-anchor', 'middle');
  const empty = svg.append('text').attr('class', 'slice-empty').attr('text-anchor', 'middle');
  const readout = compact
    ? null
    : select(el).append('div').attr('class', 'readout').attr('aria-live', 'off').text('\u00a0');
  const ctx = (canvas.node() as HTMLCanvasElement).getContext('2d');

  let current: SliceChartData | null = null;
  let image: ImageData | null = null;
  let sx = scaleLinear();
  let sy = scaleLinear();

  function clear(message: string): void {
    canvas.style('display', 'none');
    contourLayer.selectAll('*').remove();
    trajLayer.selectAll('*').remove();
    xAxis.selectAll('*').remove();
    yAxis.selectAll('*').remove();
    frame.attr('width', 0).attr('height', 0);
    root.attr('data-contours', 0).attr('data-trajectories', 0).attr('data-drawn', 'false');
    const width = Math.max(120, widthOf(el, 300));
    svg.attr('viewBox', `0 0 ${width} ${height}`).attr('aria-label', message);
    empty
      .attr('x', width / 2)
      .attr('y', height / 2)
      .text(message);
  }

  function draw(data: SliceChartData): void {
    const { slice, domain } = data;
    if (!slice || !domain || slice.a.length === 0 || slice.b.length === 0) {
      clear(slice ? 'No drawable loss values' : 'Waiting for the first slice…');
      return;
    }
    empty.text('');
    const width = Math.max(120, widthOf(el, 300));
    const side = Math.max(
      40,
      Math.min(width - margin.left - margin.right, height - margin.top - margin.bottom),
    );
    const left = margin.left + Math.max(0, (width - margin.left - margin.right - side) / 2);
    const nx = slice.a.length;
    const ny = slice.b.length;
    const own = gridBox(slice.a, slice.b);
    const box = data.box ?? own;
    sx = scaleLinear().domain([box.a0, box.a1]).range([0, side]);
    sy = scaleLinear().domain([box.b0, box.b1]).range([side, 0]);

    svg.attr('viewBox', `0 0 ${width} ${height}`);
    plot.attr('transform', `translate(${left},${margin.top})`);
    clipRect.attr('width', side).attr('height', side);
    frame.attr('width', side).attr('height', side);

    // Heatmap: nx × ny pixels, stretched over the slice's own rectangle.
    const node = canvas.node() as HTMLCanvasElement;
    if (node.width !== nx || node.height !== ny) {
      node.width = nx;
      node.height = ny;
    }
    if (!image || image.width !== nx || image.height !== ny) image = new ImageData(nx, ny);
    heatmapPixels(slice.loss, nx, ny, domain, LUT, image.data);
    ctx?.putImageData(image, 0, 0);
    canvas
      .style('display', null)
      .style('left', `${left + sx(own.a0)}px`)
      .style('top', `${margin.top + sy(own.b1)}px`)
      .style('width', `${sx(own.a1) - sx(own.a0)}px`)
      .style('height', `${sy(own.b0) - sy(own.b1)}px`);

    // Contours, in grid coordinates [0, nx] × [0, ny] → plane → pixels.
    const thresholds = contourThresholds(domain, opts.contours ?? (compact ? 6 : 10));
    const polys = contours()
      .size([nx, ny])
      .thresholds(thresholds)(Array.from(contourValues(slice.loss, domain)))
      .filter((c) => c.coordinates.length > 0);
    // Grid → pixels is affine: precomputed, so long contours skip d3's scale calls per vertex.
    const gx0 = sx(own.a0);
    const gxk = (sx(own.a1) - gx0) / nx;
    const gy0 = sy(own.b0);
    const gyk = (sy(own.b1) - gy0) / ny;
    const gx = (x: number) => gx0 + x * gxk;
    const gy = (y: number) => gy0 + y * gyk;
    contourLayer
      .selectAll('path')
      .data(polys)
      .join('path')
      .attr('d', (c) => contourPath(c.coordinates, gx, gy))
      .attr('data-level', (c) => (domain.log ? 10 ** c.value : c.value).toPrecision(3));

    // Trajectories: a haloed path, dots fading off the plane, the current point.
    const byId = new Map(data.runs.map((r) => [r.id, r]));
    const trajectories = slice.trajectories.filter(
      (t) => byId.has(t.runId) && (data.trajectories === 'all' || t.runId === slice.anchorRunId),
    );
    const extent = Math.max(box.a1 - box.a0, box.b1 - box.b0) / 2;
    const groups = trajLayer
      .selectAll<SVGGElement, (typeof trajectories)[number]>('g.trajectory')
      .data(trajectories, (t) => t.runId)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'trajectory');
        g.append('path').attr('class', 'halo');
        g.append('path').attr('class', 'path');
        g.append('g').attr('class', 'dots');
        g.append('circle').attr('class', 'current');
        return g;
      })
      .attr('data-run', (t) => t.runId)
      .attr('data-points', (t) => t.a.length);
    const pathOf = (t: (typeof trajectories)[number]) =>
      line<number>()
        .defined((k) => Number.isFinite(t.a[k] ?? NaN) && Number.isFinite(t.b[k] ?? NaN))
        .x((k) => sx(t.a[k] ?? 0))
        .y((k) => sy(t.b[k] ?? 0))(Array.from({ length: t.a.length }, (_, k) => k)) ?? '';
    groups.select('path.halo').attr('d', pathOf);
    groups
      .select('path.path')
      .attr('d', pathOf)
      .attr('stroke', (t) => byId.get(t.runId)?.color ?? 'currentColor');
    groups
      .select('g.dots')
      .attr('fill', (t) => byId.get(t.runId)?.color ?? 'currentColor')
      .selectAll('circle')
      .data((t) => {
        const n = t.a.length;
        const stride = Math.max(1, Math.ceil(n / MAX_DOTS));
        const out: { x: number; y: number; o: number }[] = [];
        for (let k = 0; k < n - 1; k += stride) {
          out.push({
            x: sx(t.a[k] ?? 0),
            y: sy(t.b[k] ?? 0),
            o: offPlaneOpacity(t.offPlane[k] ?? 0, extent),
          });
        }
        return out;
      })
      .join('circle')
      .attr('r', compact ? 1.5 : 2.5)
      .attr('cx', (p) => p.x)
      .attr('cy', (p) => p.y)
      .attr('opacity', (p) => p.o);
    groups
      .select<SVGCircleElement>('circle.current')
      .attr('r', compact ? 4 : 7)
      .attr('fill', (t) => byId.get(t.runId)?.color ?? 'currentColor')
      .attr('cx', (t) => sx(t.a[t.a.length - 1] ?? 0))
      .attr('cy', (t) => sy(t.b[t.b.length - 1] ?? 0))
      .attr('fill-opacity', (t) => offPlaneOpacity(t.offPlane[t.offPlane.length - 1] ?? 0, extent))
      .attr('data-off-plane', (t) => fmt(t.offPlane[t.offPlane.length - 1] ?? NaN));

    const ticks = compact ? 3 : 5;
    xAxis.attr('transform', `translate(0,${side})`).call(axisBottom(sx).ticks(ticks));
    yAxis.call(axisLeft(sy).ticks(ticks));
    if (!compact) {
      xTitle
        .attr('x', left + side / 2)
        .attr('y', margin.top + side + 32)
        .text('a');
      yTitle
        .attr('transform', `translate(${left - 38},${margin.top + side / 2}) rotate(-90)`)
        .text('b');
    }

    root
      .attr('data-contours', polys.length)
      .attr('data-trajectories', trajectories.length)
      .attr('data-plane', slice.plane)
      .attr('data-step', slice.step)
      .attr('data-resolution', nx)
      .attr('data-drawn', 'true');
    const names = trajectories.map((t) => byId.get(t.runId)?.label ?? t.runId).join(', ');
    svg.attr(
      'aria-label',
      `Loss on the ${slice.plane} plane at step ${slice.step}, from ${fmt(domain.lo)} to ${fmt(domain.hi)}` +
        (names ? `; trajectories of ${names}` : ''),
    );
  }

  function hover(event: PointerEvent): void {
    const slice = current?.slice;
    if (!slice || !readout) return;
    const node = plot.node();
    if (!node) return;
    const m = node.getScreenCTM();
    if (!m) return;
    const p = new DOMPoint(event.clientX, event.clientY).matrixTransform(m.inverse());
    const side = sx.range()[1] ?? 0;
    if (p.x < 0 || p.x > side || p.y < 0 || p.y > side) {
      hoverDot.style('display', 'none');
      readout.text('\u00a0');
      return;
    }
    const a = sx.invert(p.x);
    const b = sy.invert(p.y);
    const loss = sampleGrid(slice.a, slice.b, slice.loss, a, b);
    const error = sampleGrid(slice.a, slice.b, slice.error, a, b);
    let text = `a ${fmt(a)}  b ${fmt(b)}  ·  loss ${fmt(loss)}  ·  error ${Number.isFinite(error) ? `${(100 * error).toFixed(1)} %` : '—'}`;
    hoverDot.style('display', 'none');
    const labels = new Map(current?.runs.map((r) => [r.id, r.label]));
    for (const t of slice.trajectories) {
      if (!labels.has(t.runId)) continue;
      const xs = Array.from(t.a, (v) => sx(v));
      const ys = Array.from(t.b, (v) => sy(v));
      const k = nearestPoint(xs, ys, p.x, p.y, 8);
      if (k >= 0) {
        hoverDot
          .style('display', null)
          .attr('cx', xs[k] ?? 0)
          .attr('cy', ys[k] ?? 0);
        text += `  ·  ${labels.get(t.runId)} point ${k + 1}/${t.a.length}, ${fmt(t.offPlane[k] ?? NaN)} off the plane`;
        break;
      }
    }
    readout.text(text);
  }

  svg.on('pointermove', hover).on('pointerleave', () => {
    hoverDot.style('display', 'none');
    readout?.text('\u00a0');
  });

  return {
    update(data) {
      current = data;
      draw(data);
    },
    destroy() {
      root.remove();
      readout?.remove();
    },
  };
}
