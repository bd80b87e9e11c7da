import { useMemo } from 'react';
import { traceRatio } from '../protocol/analysis';
import { setAnalysis } from '../store/analysisActions';
import { createSpectrumChart, type SpectrumRun } from './charts/spectrumChart';
import { runColor } from './runColors';
import { useAppStore } from './useAppStore';
import { useChart } from './useChart';

function num(v: number): string {
  if (!Number.isFinite(v)) return '—';
  const a = Math.abs(v);
  return a !== 0 && (a < 1e-3 || a >= 1e5) ? v.toExponential(2) : String(Number(v.toPrecision(3)));
}

/** The Hessian spectrum of every run at its latest analysis, with its outliers counted. */
export function SpectrumPanel() {
  const spectra = useAppStore((s) => s.analysis.spectra);
  const runs = useAppStore((s) => s.spec.runs);
  const data = useMemo(
    (): SpectrumRun[] =>
      runs.flatMap((run, i) => {
        const result = spectra[run.id];
        return result ? [{ id: run.id, label: run.label, color: runColor(i), result }] : [];
      }),
    [spectra, runs],
  );
  const ref = useChart((el) => createSpectrumChart(el, { height: 280 }), data);
  const method = data[0]?.result.method;
  const tick = useAppStore((s) => s.analysis.ticks.spectrum);
  const off = useAppStore((s) => s.spec.analysis.spectrum === 'off') && data.length === 0;
  return (
    <section
      className="panel"
      data-testid="spectrum"
      aria-label="Hessian spectrum"
      data-tick={tick ?? ''}
    >
      <div className="panel-head">
        <h2>
          Hessian spectrum
          {data[0] ? (
            <span className="muted">
              {' '}
              · tick {tick ?? data[0].result.step} · {method === 'exact' ? 'exact' : 'SLQ density'}
            </span>
          ) : null}
        </h2>
      </div>
      {off && (
        <div className="placeholder" data-testid="spectrum-off">
          <p className="muted">
            This experiment computes no Hessian spectrum (its claim is read elsewhere).
          </p>
          <button type="button" onClick={() => setAnalysis({ spectrum: 'auto' })}>
            Compute the spectrum
          </button>
        </div>
      )}
      <div ref={ref} className="chart" hidden={off} />
      <div className="table-scroll" hidden={off}>
        <table className="stats" aria-label="Spectrum summary">
          <thead>
            <tr>
              <th scope="col">run</th>
              <th scope="col">λmax</th>
              <th scope="col">λmin</th>
              <th scope="col">Tr&nbsp;H</th>
              {method === 'exact' && (
                <th
                  scope="col"
                  title="Fort & Scherlis's convexity measure Tr(H)/‖H‖_F over its bound √D (the Goldilocks zone)"
                >
                  Tr H/‖H‖<sub>F</sub>√D
                </th>
              )}
              <th scope="col">outliers</th>
              <th
                scope="col"
                title="Gradient confinement f_k = ‖V_kᵀg‖²/‖g‖² and its random baseline k/D"
              >
                f<sub>C</sub> (random)
              </th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run, i) => {
              const r = spectra[run.id];
              return (
                <tr key={run.id} data-run={run.id} data-outliers={r?.outliers ?? ''}>
                  <th scope="row">
                    <span className="swatch" style={{ background: runColor(i) }} />
                    {run.label}
                  </th>
                  <td>{r ? num(r.lambdaMax) : '—'}</td>
                  <td>{r ? num(r.lambdaMin) : '—'}</td>
                  <td>
                    {r
                      ? r.traceError > 0
                        ? `${num(r.trace)} ± ${num(r.traceError)}`
                        : num(r.trace)
                      : '—'}
                  </td>
                  {method === 'exact' && (
                    <td data-testid={`trace-ratio-${run.id}`}>{r ? num(traceRatio(r)) : '—'}</td>
                  )}
                  <td
                    className="wrap"
                    title="Outliers: the eigenvalues above the widest clear gap over the bulk"
                  >
                    {r
                      ? r.outliers > 0
                        ? `${r.outliers} above ${num(r.bulkEdge)}`
                        : 'none (no clear gap)'
                      : '—'}
                  </td>
                  <td>{r ? `${num(r.confinement)} (${num(r.confinementBaseline)})` : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
