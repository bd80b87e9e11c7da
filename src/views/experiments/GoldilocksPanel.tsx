import { useMemo, useRef, useState } from 'react';
import {
  GOLDILOCKS_SCALES,
  runGoldilocks,
  type GoldilocksResult,
} from '../../store/goldilocksActions';
import { createLineChart, type ChartLine } from '../charts/lineChart';
import { runColor } from '../runColors';
import { useChart } from '../useChart';

type Status =
  | { readonly state: 'idle' }
  | { readonly state: 'running'; readonly fraction: number }
  | { readonly state: 'done'; readonly result: GoldilocksResult }
  | { readonly state: 'failed'; readonly text: string };

function lines(
  result: GoldilocksResult | null,
  pick: (r: GoldilocksResult) => ArrayLike<number>,
  label: string,
  color: string,
): ChartLine[] {
  if (!result) return [];
  return [
    {
      id: label,
      label,
      color,
      x: result.scales,
      y: pick(result),
      length: result.scales.length,
      dots: true,
    },
  ];
}

/**
 * The Goldilocks zone (Fort & Scherlis 2019) of the current experiment: at each initialization
 * radius r, the restricted Hessian's Tr(H_d)/‖H_d‖_F and positive share on random d-dimensional
 * hyperplanes, and the loss reached by training only within one of them.
 */
export function GoldilocksPanel() {
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const [subspaceDim, setSubspaceDim] = useState(10);
  const cancel = useRef<(() => void) | null>(null);
  const result = status.state === 'done' ? status.result : null;

  const measureLines = useMemo(
    () => [
      ...lines(result, (r) => r.traceOverFrobenius, 'Tr(H_d)/‖H_d‖_F', runColor(0)),
      ...lines(
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
      ...lines(result, (r) => r.initialLoss, 'loss at θ₀', runColor(4)),
      ...lines(result, (r) => r.finalLoss, 'loss after training in the hyperplane', runColor(1)),
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

  const start = () => {
    cancel.current?.();
    const handle = runGoldilocks({ subspaceDim, trainSteps: 200 }, (fraction) =>
      setStatus({ state: 'running', fraction }),
    );
    if (!handle) return;
    cancel.current = handle.cancel;
    setStatus({ state: 'running', fraction: 0 });
    handle.result.then(
      (r) => setStatus({ state: 'done', result: r }),
      (e: Error & { cancelled?: boolean }) =>
        setStatus(e.cancelled ? { state: 'idle' } : { state: 'failed', text: e.message }),
    );
  };

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
          onClick={start}
        >
          Run the sweep
        </button>
        {status.state === 'running' && (
          <>
            <progress max={1} value={status.fraction} aria-label="Goldilocks sweep progress" />
            <button type="button" onClick={() => cancel.current?.()}>
              Cancel
            </button>
          </>
        )}
        {status.state === 'failed' && <span className="run-stopped">{status.text}</span>}
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
          Tr(H_d)/‖H_d‖_F peaks at r ={' '}
          {result.scales[result.traceOverFrobenius.indexOf(Math.max(...result.traceOverFrobenius))]}{' '}
          (bound √d = {Math.sqrt(result.subspaceDim).toFixed(2)}); D = {result.paramCount}.
        </p>
      )}
    </section>
  );
}
