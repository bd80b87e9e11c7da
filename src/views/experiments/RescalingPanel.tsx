import { useState } from 'react';
import { RESCALING_SIGMAS, rescalingJobFor } from '../../store/rescalingActions';
import { useAppStore } from '../useAppStore';
import { JobProgress } from './JobProgress';
import { useJob } from './useJob';

const fmt = (x: number) => (Number.isFinite(x) ? x.toPrecision(3) : '—');

/**
 * “Sharp minima can generalize” (Dinh et al. 2017): the first run's network and a copy with hidden
 * layer 1 × c and layer 2 × 1/c — the same function — measured side by side.
 */
export function RescalingPanel() {
  const model = useAppStore((s) => s.spec.model);
  const [factor, setFactor] = useState(5);
  const [preparing, setPreparing] = useState<string | null>(null);
  const { status, last: r, run, cancel } = useJob<'rescaling'>();
  const usable = model.kind === 'mlp' && model.activation === 'relu' && model.hidden.length >= 1;

  const start = () => {
    setPreparing('reading the weights…');
    rescalingJobFor(factor).then(
      (job) => {
        setPreparing(null);
        run(job);
      },
      (error: Error) => setPreparing(error.message),
    );
  };

  const shownFactor = status.state === 'done' ? status.job.factor : '…';

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
          disabled={!usable || status.state === 'running' || preparing === 'reading the weights…'}
          onClick={start}
        >
          Rescale the first run and compare
        </button>
        {!usable && (
          <span className="muted">Needs a ReLU MLP (choose one in the model settings).</span>
        )}
        <JobProgress status={status} testId="rescaling-progress" onCancel={cancel} />
        {preparing && <span className="muted">{preparing}</span>}
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
              <th scope="col">rescaled (c = {shownFactor})</th>
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
