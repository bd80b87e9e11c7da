import { useMemo, useState } from 'react';
import type { GoldilocksResult } from '../../protocol/jobs/goldilocksJob';
import { GOLDILOCKS_SCALES, goldilocksJob } from '../../store/goldilocksActions';
import { createLineChart, type ChartLine } from '../charts/lineChart';
import { runColor } from '../runColors';
import { useChart } from '../useChart';
import { JobProgress } from './JobProgress';
import { useJob } from './useJob';

function line(
  result: GoldilocksResult | null,
  y: (r: GoldilocksResult) => ArrayLike<number>,
  label: string,
  color: string,
): ChartLine[] {
  if (!result) return [];
  const n = result.scales.length;
  return [{ id: label, label, color, x: result.scales, y: y(result), length: n, dots: true }];
}

/**
 * The Goldilocks zone (Fort & Scherlis 2019) of the current experiment: at each initialization
 * radius r, the restricted Hessian's Tr(H_d)/‖H_d‖_F and positive share on random d-dimensional
 * hyperplanes, and the loss reached by training only within one of them.
 */
export function GoldilocksPanel() {
  const [subspaceDim, setSubspaceDim] = useState(10);
  const { status, last: result, run, cancel } = useJob<'goldilocks'>();

  const measureLines = useMemo(
    () => [
      ...line(result, (r) => r.traceOverFrobenius, 'Tr(H_d)/‖H_d‖_F', runColor(0)),
      ...line(
        result,
        (r) => Float64Array.from(r.positiveFraction, (p) => p * Math.sqrt(r.subspaceDim)),
        'positive share × √d',
        runColor(2),
      ),
    ],
    [result],
  );
  const lossLines = useMemo(
    () => [
      ...line(result, (r) => r.initialLoss, 'loss at θ₀', runColor(4)),
      ...line(result, (r) => r.finalLoss, 'loss after training in the hyperplane', runColor(1)),
    ],
    [result],
  );
  const measureRef = useChart(
    (el) =>
      createLineChart(el, {
        xLabel: 'initialization radius r',
        yLabel: 'Goldilocks measures',
        logX: true,
        height: 220,
      }),
    measureLines,
  );
  const lossRef = useChart(
    (el) =>
      createLineChart(el, {
        xLabel: 'initialization radius r',
        yLabel: 'train loss',
        logX: true,
        logY: true,
        height: 220,
      }),
    lossLines,
  );
  const peak = result
    ? result.scales[result.traceOverFrobenius.indexOf(Math.max(...result.traceOverFrobenius))]
    : null;

  return (
    <section className="panel" data-testid="goldilocks" aria-label="Goldilocks zone">
      <h2>Goldilocks zone · training in a random hyperplane</h2>
      <p className="muted">
        For r in {GOLDILOCKS_SCALES.join(', ')} × the standard initialization of this experiment’s
        model: the Hessian restricted to random {subspaceDim}-dimensional hyperplanes through θ₀ =
        r·θ_init (mean of 3), and SGD on φ alone in θ = θ₀ + Mφ (200 steps).
      </p>
      <div className="transport">
        <label className="field">
          <span>d</span>
          <input
            type="number"
            min={2}
            max={50}
            value={subspaceDim}
            onChange={(e) =>
              setSubspaceDim(Math.max(2, Math.min(50, Math.round(Number(e.target.value) || 10))))
            }
          />
        </label>
        <button
          type="button"
          data-testid="goldilocks-run"
          disabled={status.state === 'running'}
          onClick={() => run(goldilocksJob({ subspaceDim, trainSteps: 200 }))}
        >
          Run the sweep
        </button>
        <JobProgress status={status} testId="goldilocks-progress" onCancel={cancel} />
      </div>
      {result && (
        <ul className="legend">
          {[...measureLines, ...lossLines].map((l) => (
            <li key={l.id}>
              <span className="swatch" style={{ background: l.color }} />
              {l.label}
            </li>
          ))}
        </ul>
      )}
      <div ref={measureRef} className="chart" data-drawn={result ? 'yes' : 'no'} />
      <div ref={lossRef} className="chart" />
      {result && (
        <p className="muted" data-testid="goldilocks-peak">
          Tr(H_d)/‖H_d‖_F peaks at r = {peak} (bound √d = {Math.sqrt(result.subspaceDim).toFixed(2)}
          ); D = {result.paramCount}.
        </p>
      )}
    </section>
  );
}
