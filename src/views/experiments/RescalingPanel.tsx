import { useRef, useState } from 'react';
import { RESCALING_SIGMAS, runRescaling, type RescalingResult } from '../../store/rescalingActions';
import { useAppStore } from '../useAppStore';

type Status =
  | { readonly state: 'idle' }
  | { readonly state: 'running'; readonly fraction: number }
  | { readonly state: 'done'; readonly result: RescalingResult; readonly factor: number }
  | { readonly state: 'failed'; readonly text: string };

const fmt = (x: number) => (Number.isFinite(x) ? x.toPrecision(3) : '—');

/**
 * “Sharp minima can generalize” (Dinh et al. 2017): the first run's network and a copy with hidden
 * layer 1 × c and layer 2 × 1/c — the same function — measured side by side.
 */
export function RescalingPanel() {
  const model = useAppStore((s) => s.spec.model);
  const [factor, setFactor] = useState(5);
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const cancel = useRef<(() => void) | null>(null);
  const usable = model.kind === 'mlp' && model.activation === 'relu' && model.hidden.length >= 1;

  const start = () => {
    const handle = runRescaling(factor, (fraction) => setStatus({ state: 'running', fraction }));
    if (!handle) return;
    cancel.current = handle.cancel;
    setStatus({ state: 'running', fraction: 0 });
    handle.result.then(
      (result) => setStatus({ state: 'done', result, factor }),
      (e: Error & { cancelled?: boolean }) =>
        setStatus(e.cancelled ? { state: 'idle' } : { state: 'failed', text: e.message }),
    );
  };

  const r = status.state === 'done' ? status.result : null;
  return (
    <section className="panel" data-testid="rescaling" aria-label="Rescaling invariance">
      <h2>Rescaling a ReLU network: same function, different λmax</h2>
      <p className="muted">
        Multiply hidden layer 1 by c and layer 2 by 1/c. The network computes the same function; the
        Hessian changes. The filter-normalized slice and the multiplicative local energy do not.
      </p>
      <div className="transport">
        <label className="field">
          <span>c</span>
          <input
            type="number"
            min={0.01}
            max={100}
            step="any"
            value={factor}
            onChange={(e) => setFactor(Math.min(100, Math.max(0.01, Number(e.target.value) || 1)))}
          />
        </label>
        <button
          type="button"
          data-testid="rescaling-run"
          disabled={!usable || status.state === 'running'}
          onClick={start}
        >
          Rescale the first run and compare
        </button>
        {!usable && (
          <span className="muted">Needs a ReLU MLP (choose one in the model settings).</span>
        )}
        {status.state === 'running' && (
          <>
            <progress max={1} value={status.fraction} aria-label="Rescaling comparison progress" />
            <button type="button" onClick={() => cancel.current?.()}>
              Cancel
            </button>
          </>
        )}
        {status.state === 'failed' && <span className="run-stopped">{status.text}</span>}
      </div>
      {r && (
        <table
          className="numbers"
          data-testid="rescaling-table"
          data-slice-gap={r.sliceGap}
          data-function-gap={r.functionGap}
        >
          <thead>
            <tr>
              <th scope="col">measure</th>
              <th scope="col">network</th>
              <th scope="col">rescaled (c = {status.state === 'done' ? status.factor : ''})</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">λmax</th>
              <td>{fmt(r.original.lambdaMax)}</td>
              <td>{fmt(r.rescaled.lambdaMax)}</td>
            </tr>
            {RESCALING_SIGMAS.map((sigma, i) => (
              <tr key={`m${sigma}`}>
                <th scope="row">δE multiplicative, σ = {sigma}</th>
                <td>{fmt(r.original.energyMultiplicative[i] ?? Number.NaN)}</td>
                <td>{fmt(r.rescaled.energyMultiplicative[i] ?? Number.NaN)}</td>
              </tr>
            ))}
            {RESCALING_SIGMAS.map((sigma, i) => (
              <tr key={`a${sigma}`}>
                <th scope="row">δE additive, σ = {sigma}</th>
                <td>{fmt(r.original.energyAdditive[i] ?? Number.NaN)}</td>
                <td>{fmt(r.rescaled.energyAdditive[i] ?? Number.NaN)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">filter-normalized slice</th>
              <td colSpan={2}>largest relative difference {r.sliceGap.toExponential(1)}</td>
            </tr>
            <tr>
              <th scope="row">outputs</th>
              <td colSpan={2}>
                largest difference {r.functionGap.toExponential(1)} (the same function)
              </td>
            </tr>
          </tbody>
        </table>
      )}
    </section>
  );
}
