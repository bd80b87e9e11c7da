/**
 * SVG snapshots of every chart, drawn in Node on a happy-dom window from seeded data at a fixed
 * width (in the manner of Observable Plot's test/plots). A missing snapshot is written
 * (`snapshots/<name>.svg`); an existing one must match, so a change to a chart's pixels shows as a
 * diff to review and `vitest -u` to accept. In CI a missing snapshot fails.
 */
import { randomLcg, randomNormal } from 'd3';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { bowlSlice, exactSpectrum, flatness, slqSpectrum } from './analysisFixtures.node';
import { colorDomain } from './colorScale';
import { rememberWidth } from './elementWidth';
import { createLineChart, type ChartLine } from './lineChart';
import { createScatterChart, type ScatterDot } from './scatterChart';
import { createSliceChart } from './sliceChart';
import { createSpectrumChart } from './spectrumChart';
import { serialize } from './svgSnapshot.node';

const WIDTH = 640;
const COLORS = ['#1f77b4', '#d95f02', '#7570b3'];

const window = new Window();
afterAll(() => window.happyDOM.close());

/** A container already laid out at WIDTH (as the chart hook's ResizeObserver would record it). */
function container(): HTMLElement {
  const div = window.document.createElement('div');
  window.document.body.append(div);
  // happy-dom's element is a DOM element, typed by its own declarations rather than lib.dom's.
  const el = div as unknown as HTMLElement;
  rememberWidth(el, WIDTH);
  return el;
}

function snapshot(el: HTMLElement, name: string, ext = 'svg') {
  const root = el.firstElementChild;
  if (!root) throw new Error(`${name}: the chart drew nothing`);
  // Tick labels a reader can read: '~g' on a linear axis wrote 10 as "1e+1".
  const ticks = Array.from(
    root.querySelectorAll('.tick text'),
    (t: Element) => t.textContent ?? '',
  );
  expect(
    ticks.filter((t) => /\de[+-]\d/.test(t)),
    `${name}: tick labels`,
  ).toEqual([]);
  return expect(serialize(root)).toMatchFileSnapshot(`./snapshots/${name}.${ext}`);
}

/** Two runs' noisy loss curves with a test loss measured every 50 steps (NaN in between). */
function trainingLines(seed: number): ChartLine[] {
  const normal = randomNormal.source(randomLcg(seed))(0, 1);
  const n = 400;
  return ['sgd', 'sam'].flatMap((id, r) => {
    const x = Float64Array.from({ length: n }, (_, i) => 5 * i);
    const train = x.map((s) => (2.3 - 0.3 * r) * Math.exp(-s / 600) + 0.05 + 0.02 * normal() ** 2);
    const test = train.map((v, i) => (i % 50 === 0 ? v * 1.2 : Number.NaN));
    const color = COLORS[r] ?? 'black';
    return [
      { id: `${id}:train`, label: `${id} train`, color, x, y: train, length: n },
      { id: `${id}:test`, label: `${id} test`, color, x, y: test, length: n, dash: '6 4' },
    ];
  });
}

describe('chart snapshots', () => {
  it('line: loss curves on a log y axis, a dashed series with gaps', async () => {
    const el = container();
    const chart = createLineChart(el, {
      xLabel: 'gradient evaluations',
      yLabel: 'loss',
      logY: true,
      xFromZero: true,
    });
    chart.update(trainingLines(42));
    await snapshot(el, 'line-loss-log-y');
  });

  it('line: flatness curves with spread bands and dots on a log x axis', async () => {
    const el = container();
    const chart = createLineChart(el, {
      xLabel: 'relative noise σ',
      yLabel: 'local energy δE',
      logX: true,
      height: 230,
    });
    chart.update(
      ['sgd', 'sam'].map((id, r) => {
        const f = flatness(id);
        const y = f.energyLoss.map((v) => v * (1 - 0.4 * r));
        return {
          id,
          label: id,
          color: COLORS[r] ?? 'black',
          x: f.sigmas,
          y,
          lower: y.map((v, i) => v - (f.energyLossSpread[i] ?? 0)),
          upper: y.map((v, i) => v + (f.energyLossSpread[i] ?? 0)),
          length: f.sigmas.length,
          dots: true,
        };
      }),
    );
    await snapshot(el, 'line-bands-dots-log-x');
  });

  it('spectrum: exact spectra as histograms on a log count axis, outliers marked', async () => {
    const el = container();
    const chart = createSpectrumChart(el, { height: 280 });
    chart.update([
      {
        id: 'sgd',
        label: 'SGD',
        color: COLORS[0] ?? '',
        result: exactSpectrum('sgd', 60, [2, 3.5]),
      },
      { id: 'sam', label: 'SAM', color: COLORS[1] ?? '', result: exactSpectrum('sam', 60, [1.2]) },
    ]);
    await snapshot(el, 'spectrum-exact');
  });

  it('spectrum: an SLQ density beside an exact spectrum binned to unit area', async () => {
    const el = container();
    const chart = createSpectrumChart(el, { height: 260, bins: 40 });
    chart.update([
      { id: 'sgd', label: 'SGD', color: COLORS[0] ?? '', result: slqSpectrum('sgd', 3) },
      { id: 'sam', label: 'SAM', color: COLORS[1] ?? '', result: exactSpectrum('sam', 60, [1.2]) },
    ]);
    await snapshot(el, 'spectrum-slq-density');
  });

  it('spectrum: no runs yet', async () => {
    const el = container();
    createSpectrumChart(el, { height: 200 }).update([]);
    await snapshot(el, 'spectrum-empty');
  });

  it('scatter: one dot per run', async () => {
    const uniform = randomLcg(7);
    const dots: ScatterDot[] = Array.from({ length: 8 }, (_, i) => ({
      id: `run${i}`,
      label: `run ${i}`,
      color: COLORS[i % COLORS.length] ?? '',
      x: 10 * uniform(),
      y: 0.02 + 0.1 * uniform(),
    }));
    const el = container();
    const chart = createScatterChart(el, { xLabel: 'λmax', yLabel: 'final test error' });
    chart.update(dots);
    await snapshot(el, 'scatter');
  });

  it('slice: contours and two trajectories over the heatmap', async () => {
    // The chart fills an ImageData for its canvas (happy-dom's has no 2-D context: nothing paints)
    // and names its clip path at random.
    vi.stubGlobal('ImageData', window.ImageData);
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    try {
      const slice = bowlSlice(21, 1, ['sgd', 'sam']);
      const el = container();
      const chart = createSliceChart(el, { height: 440 });
      chart.update({
        slice,
        runs: [
          { id: 'sgd', label: 'SGD', color: COLORS[0] ?? '' },
          { id: 'sam', label: 'SAM', color: COLORS[1] ?? '' },
        ],
        domain: colorDomain([slice.loss], true),
        box: null,
        trajectories: 'all',
      });
      await snapshot(el, 'slice', 'html');
    } finally {
      vi.unstubAllGlobals();
      vi.restoreAllMocks();
    }
  });
});
