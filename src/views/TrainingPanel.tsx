import { useMemo } from 'react';
import { createLineChart, type ChartLine } from './charts/lineChart';
import { runColor } from './runColors';
import { useAppStore } from './useAppStore';
import { useChart } from './useChart';

/** Training loss of every run against gradient evaluations (the fair axis across optimizers). */
export function TrainingPanel() {
  const runs = useAppStore((s) => s.runs);
  const lines = useMemo(
    (): ChartLine[] =>
      runs.map((run, i) => ({
        id: run.id,
        label: run.label,
        color: runColor(i),
        x: run.series.columns.gradEvals,
        y: run.series.columns.trainLoss,
        length: run.series.length,
      })),
    [runs],
  );
  const ref = useChart(
    (el) => createLineChart(el, { xLabel: 'gradient evaluations', yLabel: 'train loss', logY: true }),
    lines,
  );
  return (
    <section className="panel" data-testid="curves" aria-label="Training curves">
      <h2>Training loss</h2>
      <ul className="legend">
        {runs.map((run, i) => (
          <li key={run.id}>
            <span className="swatch" style={{ background: runColor(i) }} />
            {run.label}
            {run.status !== 'running' && <span className="run-stopped"> — stopped: {run.reason}</span>}
          </li>
        ))}
      </ul>
      <div ref={ref} className="chart" />
    </section>
  );
}
