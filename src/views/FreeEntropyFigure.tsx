import { useMemo, useState } from 'react';
import { freeEntropyJob } from '../store/freeEntropyActions';
import { createLineChart, type ChartLine } from './charts/lineChart';
import { JobProgress } from './experiments/JobProgress';
import { useJob } from './experiments/useJob';
import { runColor } from './runColors';
import { useAppStore } from './useAppStore';
import { useChart } from './useChart';

/**
 * The second local-entropy estimator: Φ(γ) − Φ_flat(γ) of each run's current weights, by Langevin
 * sampling of the neighbourhood at a ladder of couplings (on request: it costs ~2,000 gradients
 * per run). Near 0 is a wide flat neighbourhood; the more negative, the less volume around w.
 */
export function FreeEntropyFigure() {
  const runs = useAppStore((s) => s.spec.runs);
  const tick = useAppStore((s) => s.tick);
  const [preparing, setPreparing] = useState<string | null>(null);
  const [measuredAt, setMeasuredAt] = useState<number | null>(null);
  const { status, last, run, cancel } = useJob<'freeEntropy'>();

  const lines = useMemo(
    (): ChartLine[] =>
      last
        ? runs.flatMap((spec, i) => {
            const r = last.runs.find((x) => x.id === spec.id);
            if (!r) return [];
            return [
              {
                id: spec.id,
                label: spec.label,
                color: runColor(i),
                x: last.radii,
                y: r.excess,
                length: last.radii.length,
                dots: true,
              },
            ];
          })
        : [],
    [last, runs],
  );
  const ref = useChart(
    (el) =>
      createLineChart(el, {
        xLabel: 'relative radius √(D/γ)/‖w‖',
        yLabel: 'Φ(γ) − Φ_flat(γ)',
        logX: true,
        height: 230,
      }),
    lines,
  );

  const start = () => {
    setPreparing('reading the weights…');
    const at = tick;
    freeEntropyJob().then(
      (job) => {
        setPreparing(null);
        setMeasuredAt(at);
        run(job);
      },
      (error: Error) => setPreparing(error.message),
    );
  };

  return (
    <figure>
      <figcaption>
        Local free entropy Φ(γ) relative to a flat neighbourhood — nearer 0 is flatter
        {last && measuredAt !== null ? <span className="muted"> · tick {measuredAt}</span> : null}
      </figcaption>
      <div className="transport">
        <button
          type="button"
          data-testid="free-entropy-run"
          disabled={status.state === 'running' || preparing === 'reading the weights…'}
          onClick={start}
        >
          {last ? 'Measure Φ(γ) again' : 'Measure Φ(γ) now'}
        </button>
        <JobProgress status={status} testId="free-entropy-progress" onCancel={cancel} />
        {preparing && <span className="muted">{preparing}</span>}
      </div>
      <div
        ref={ref}
        className="chart"
        data-testid="flatness-free-entropy"
        data-runs={lines.length}
        hidden={!last}
      />
    </figure>
  );
}
