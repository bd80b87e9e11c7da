import { useMemo, useState } from 'react';
import type { SeriesKey } from '../protocol/series';
import type { SpectrumHistory } from '../store/analysisState';
import { createLineChart, type ChartLine } from './charts/lineChart';
import { SelectField, Toggle } from './fields';
import { runColor } from './runColors';
import { useAppStore } from './useAppStore';
import { useChart } from './useChart';
import { RunLegend } from './RunLegend';

type Metric = 'loss' | 'error' | 'lambdaMax' | 'trace' | 'confinement' | 'weightNorm';
type XAxis = 'gradEvals' | 'step';

const METRICS: readonly Metric[] = [
  'loss',
  'error',
  'lambdaMax',
  'trace',
  'confinement',
  'weightNorm',
];
const METRIC_LABELS: Record<Metric, string> = {
  loss: 'Loss (train, test dashed)',
  error: 'Error (train, test dashed)',
  lambdaMax: 'Top eigenvalue λmax',
  trace: 'Hessian trace',
  confinement: 'Gradient confinement f_C',
  weightNorm: 'Weight norm',
};
const Y_LABELS: Record<Metric, string> = {
  loss: 'loss',
  error: 'error',
  lambdaMax: 'λmax',
  trace: 'Tr H',
  confinement: 'f_C (dashed: random k/D)',
  weightNorm: '‖w‖',
};
const X_LABELS: Record<XAxis, string> = { gradEvals: 'gradient evaluations', step: 'steps' };

type SeriesMetric = 'loss' | 'error' | 'weightNorm';
type SpectralMetric = 'lambdaMax' | 'trace' | 'confinement';

/** Each streamed metric's series: solid first, dashed second. */
const SERIES: Record<SeriesMetric, readonly SeriesKey[]> = {
  loss: ['trainLoss', 'testLoss'],
  error: ['trainError', 'testError'],
  weightNorm: ['weightNorm'],
};

function isSpectral(metric: Metric): metric is SpectralMetric {
  return metric === 'lambdaMax' || metric === 'trace' || metric === 'confinement';
}

/** Lines of the measures taken at the analysis cadence, from each run's spectrum history. */
function spectralLines(
  runs: readonly { id: string; label: string }[],
  history: Readonly<Record<string, SpectrumHistory>>,
  metric: SpectralMetric,
  xAxis: XAxis,
): ChartLine[] {
  const out: ChartLine[] = [];
  runs.forEach((run, i) => {
    const points = history[run.id] ?? [];
    if (points.length === 0) return;
    const x = Float64Array.from(points, (p) => p[xAxis]);
    const y = Float64Array.from(points, (p) => p[metric]);
    const color = runColor(i);
    out.push({
      id: run.id,
      label: run.label,
      color,
      x,
      y,
      length: points.length,
      dots: true,
      ...(metric === 'trace'
        ? {
            lower: Float64Array.from(points, (p) => p.trace - p.traceError),
            upper: Float64Array.from(points, (p) => p.trace + p.traceError),
          }
        : {}),
    });
    if (metric === 'confinement') {
      out.push({
        id: `${run.id}:baseline`,
        label: `${run.label} random baseline`,
        color,
        x,
        y: Float64Array.from(points, (p) => p.confinementBaseline),
        length: points.length,
        dash: '2 4',
      });
    }
  });
  return out;
}

function Chart({ metric, xAxis }: { metric: Metric; xAxis: XAxis }) {
  const runs = useAppStore((s) => s.runs);
  const history = useAppStore((s) => s.analysis.spectrumHistory);
  const lines = useMemo((): ChartLine[] => {
    if (isSpectral(metric)) return spectralLines(runs, history, metric, xAxis);
    const out: ChartLine[] = [];
    runs.forEach((run, i) => {
      SERIES[metric].forEach((key, k) => {
        out.push({
          id: `${run.id}:${key}`,
          label: `${run.label} ${key}`,
          color: runColor(i),
          x: run.series.columns[xAxis],
          y: run.series.columns[key],
          length: run.series.length,
          ...(k > 0 ? { dash: '6 4' } : {}),
        });
      });
    });
    return out;
  }, [runs, history, metric, xAxis]);
  const ref = useChart(
    (el) =>
      createLineChart(el, {
        xLabel: X_LABELS[xAxis],
        yLabel: Y_LABELS[metric],
        logY: metric === 'loss' || metric === 'lambdaMax',
        xFromZero: true,
      }),
    lines,
  );
  return <div ref={ref} className="chart" data-metric={metric} data-x={xAxis} />;
}

/** Training curves of every run against steps or gradient evaluations (the fair axis). */
export function TrainingPanel() {
  const runs = useAppStore((s) => s.runs);
  const [metric, setMetric] = useState<Metric>('loss');
  const [xAxis, setXAxis] = useState<XAxis>('gradEvals');
  return (
    <section className="panel panel-curves" data-testid="curves" aria-label="Training curves">
      <div className="panel-head">
        <h2>Training</h2>
        <SelectField<Metric>
          label="Show"
          testId="curves-metric"
          value={metric}
          options={METRICS}
          labels={METRIC_LABELS}
          onChange={setMetric}
        />
        <Toggle<XAxis>
          label="x axis"
          testId="curves-x"
          value={xAxis}
          options={['gradEvals', 'step']}
          labels={{ gradEvals: 'gradient evals', step: 'steps' }}
          onChange={setXAxis}
        />
      </div>
      <RunLegend
        entries={runs.map((run, i) => ({
          id: run.id,
          label: run.label,
          color: runColor(i),
          suffix: run.status !== 'running' && (
            <span className="run-stopped"> — stopped: {run.reason}</span>
          ),
        }))}
      />
      <Chart key={`${metric}:${xAxis}`} metric={metric} xAxis={xAxis} />
    </section>
  );
}
