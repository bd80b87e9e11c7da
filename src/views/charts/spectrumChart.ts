/**
 * The Hessian spectrum of every run on one axis: a histogram with a log count axis when every
 * spectrum is exact, or densities (SLQ, and exact spectra binned to unit area) on a log density
 * axis otherwise. The bulk edge is a dashed line and the outliers above it are marked with ticks
 * in the run's colour. `createSpectrumChart(el, opts) → { update(data), destroy() }`.
 */
import { axisBottom, axisLeft, line, scaleLinear, scaleLog } from 'd3';
import type { SpectrumResult } from '../../protocol/analysis';
import { createChartFrame, MARGIN } from './chartFrame';
import type { ChartHandle } from './chartHandle';
import { floorDensity, histogram, outliersAbove, sharedBins } from './histogram';

export interface SpectrumRun {
  readonly id: string;
  readonly label: string;
  readonly color: string;
  readonly result: SpectrumResult;
}

export interface SpectrumChartOptions {
  readonly height: number;
  readonly bins?: number;
}

/** Room above the plot for the outlier ticks, a row per run. */
const SPECTRUM_MARGIN = { ...MARGIN, top: 22 };

interface Curve {
  readonly run: SpectrumRun;
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** Step-drawn histogram bars (true) or a smooth density (false). */
  readonly steps: boolean;
}

export function createSpectrumChart(
  el: HTMLElement,
  opts: SpectrumChartOptions,
): ChartHandle<readonly SpectrumRun[]> {
  const { height } = opts;
  const binCount = opts.bins ?? 60;
  const frame = createChartFrame(el, {
    className: 'line-chart spectrum-chart',
    height,
    margin: SPECTRUM_MARGIN,
  });
  const { svg } = frame;
  const curves = frame.layer('curves');
  const edges = frame.layer('edges');
  const rugs = frame.layer('rugs');
  const empty = svg.append('text').attr('class', 'slice-empty').attr('text-anchor', 'middle');

  function update(runs: readonly SpectrumRun[]): void {
    const { width, innerW, innerH } = frame.resize();
    const density = runs.some((r) => r.result.eigenvalues.length === 0);
    const bins = sharedBins(
      runs.map((r) =>
        r.result.eigenvalues.length > 0 ? r.result.eigenvalues : r.result.densityGrid,
      ),
      binCount,
    );
    if (runs.length === 0 || !bins) {
      curves.selectAll('*').remove();
      edges.selectAll('*').remove();
      rugs.selectAll('*').remove();
      svg.attr('data-outliers', 0).attr('data-mode', '').attr('aria-label', 'No spectrum yet');
      empty
        .attr('x', width / 2)
        .attr('y', height / 2)
        .text('Waiting for the first spectrum…');
      return;
    }
    empty.text('');
    const width1 = (bins.hi - bins.lo) / bins.count;
    const built: Curve[] = runs.map((run) => {
      const r = run.result;
      if (r.eigenvalues.length > 0) {
        const counts = histogram(r.eigenvalues, bins);
        const x = Float64Array.from({ length: bins.count + 1 }, (_, k) => bins.lo + k * width1);
        const scale = density ? 1 / (r.eigenvalues.length * width1) : 1;
        return { run, x, y: Float64Array.from(counts, (c) => c * scale), steps: true };
      }
      return { run, x: r.densityGrid, y: floorDensity(r.density), steps: false };
    });
    let yMax = 0;
    let yMinPos = Infinity;
    for (const c of built) {
      for (const v of c.y) {
        if (v > yMax) yMax = v;
        if (v > 0 && v < yMinPos) yMinPos = v;
      }
    }
    const yLo = density ? Math.max(yMinPos, yMax * 1e-5) : 0.5;
    const x = scaleLinear().domain([bins.lo, bins.hi]).range([0, innerW]);
    const y = scaleLog()
      .domain([yLo, Math.max(yLo * 10, yMax * 1.5)])
      .range([innerH, 0])
      .clamp(true);
    // '~g' only on the log axis: on a linear one it writes 10 as "1e+1" at a step of 2.
    frame.axes(axisBottom(x).ticks(6), axisLeft(y).ticks(4, '~g'), {
      x: 'eigenvalue λ of the Hessian',
      y: density ? 'density (log)' : 'count (log)',
    });

    const baseline = innerH;
    curves
      .selectAll<SVGPathElement, Curve>('path')
      .data(built, (c) => c.run.id)
      .join('path')
      .attr('stroke', (c) => c.run.color)
      .attr('fill', (c) => c.run.color)
      .attr('fill-opacity', 0.18)
      .attr('stroke-width', 1.75)
      .attr('data-run', (c) => c.run.id)
      .attr('data-points', (c) => c.y.length)
      .attr('d', (c) => {
        const pts: [number, number][] = [];
        if (c.steps) {
          pts.push([x(c.x[0] ?? 0), baseline]);
          for (let k = 0; k < c.y.length; k++) {
            const v = c.y[k] ?? 0;
            const py = v > 0 ? y(v) : baseline;
            pts.push([x(c.x[k] ?? 0), py], [x(c.x[k + 1] ?? 0), py]);
          }
          pts.push([x(c.x[c.y.length] ?? 0), baseline]);
        } else {
          pts.push([x(c.x[0] ?? 0), baseline]);
          for (let k = 0; k < c.y.length; k++) pts.push([x(c.x[k] ?? 0), y(c.y[k] ?? yLo)]);
          pts.push([x(c.x[c.x.length - 1] ?? 0), baseline]);
        }
        return line()(pts) ?? '';
      });

    edges
      .selectAll<SVGLineElement, SpectrumRun>('line')
      .data(runs, (r) => r.id)
      .join('line')
      .attr('stroke', (r) => r.color)
      .attr('stroke-dasharray', '5 4')
      .attr('stroke-width', 1.5)
      .attr('x1', (r) => x(r.result.bulkEdge))
      .attr('x2', (r) => x(r.result.bulkEdge))
      .attr('y1', -6)
      .attr('y2', innerH)
      .append('title')
      .text((r) => `${r.label}: bulk edge ${r.result.bulkEdge.toPrecision(3)}`);

    // Outliers: a tick above the plot per eigenvalue beyond the bulk (SLQ: at λmax only).
    const rugData = runs.flatMap((r, i) => {
      const values =
        r.result.eigenvalues.length > 0
          ? outliersAbove(r.result.eigenvalues, r.result.bulkEdge)
          : r.result.outliers > 0
            ? [r.result.lambdaMax]
            : [];
      return values.map((v) => ({ run: r, v, row: i }));
    });
    rugs
      .selectAll<SVGLineElement, (typeof rugData)[number]>('line')
      .data(rugData)
      .join('line')
      .attr('class', 'outlier')
      .attr('stroke', (d) => d.run.color)
      .attr('stroke-width', 3)
      .attr('x1', (d) => x(d.v))
      .attr('x2', (d) => x(d.v))
      .attr('y1', (d) => -18 + d.row * 3)
      .attr('y2', (d) => -8 + d.row * 3);

    const total = runs.reduce((s, r) => s + r.result.outliers, 0);
    svg
      .attr('data-outliers', total)
      .attr('data-outlier-marks', rugData.length)
      .attr('data-mode', density ? 'density' : 'histogram')
      .attr(
        'aria-label',
        `Hessian spectrum: ${runs
          .map(
            (r) =>
              `${r.label} ${r.result.outliers} outliers, largest eigenvalue ${r.result.lambdaMax.toPrecision(3)}`,
          )
          .join('; ')}`,
      );
  }

  return { update, destroy: frame.destroy };
}
