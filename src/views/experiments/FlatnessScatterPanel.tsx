import { useMemo, useState } from 'react';
import {
  SCATTER_MEASURES,
  flatnessScatter,
  type ScatterInput,
  type ScatterMeasure,
} from '../../store/flatnessScatter';
import { scatterInputFromExports, type ExportsScatterInput } from '../../store/scatterExports';
import { lastValue } from '../../store/seriesBuffer';
import { createScatterChart, type ScatterDot } from '../charts/scatterChart';
import { SelectField } from '../fields';
import { runColor } from '../runColors';
import { useAppStore } from '../useAppStore';
import { useChart } from '../useChart';
import { fmt } from './format';

const MEASURE_LABELS: Record<ScatterMeasure, string> = {
  energyError: 'local energy δE(σ) on the error',
  energyLoss: 'local energy δE(σ) on the loss',
  lambdaMax: 'top Hessian eigenvalue λmax',
  trace: 'Hessian trace Tr H',
};

function ScatterPlot({ xLabel, dots }: { xLabel: string; dots: readonly ScatterDot[] }) {
  const ref = useChart(
    (el) => createScatterChart(el, { xLabel, yLabel: 'final test error', height: 280 }),
    dots,
  );
  return <div ref={ref} className="chart" data-testid="scatter-chart" />;
}

/**
 * Flatness against generalization across the runs of the current experiment, or of several
 * exported ones (a seed sweep's files, opened or dropped here): one dot per run,
 * a flatness measure at its latest analysis against its final test error, with Spearman's ρ and
 * Kendall's τ_b. Runs that lack either are listed, not plotted. `initialMeasure` is the x axis it
 * opens on (δE on the error unless told).
 */
export function FlatnessScatterPanel({
  initialMeasure = 'energyError',
}: { initialMeasure?: ScatterMeasure } = {}) {
  const liveRuns = useAppStore((s) => s.runs);
  const liveSpectra = useAppStore((s) => s.analysis.spectra);
  const liveFlatness = useAppStore((s) => s.analysis.flatness);
  const specSigmas = useAppStore((s) => s.spec.analysis.flatness?.sigmas);
  const [fromFiles, setFromFiles] = useState<ExportsScatterInput | null>(null);
  const live = useMemo(
    (): ScatterInput => ({
      runs: liveRuns.map((r) => ({
        id: r.id,
        label: r.label,
        testError: lastValue(r.series, 'testError'),
      })),
      spectra: liveSpectra,
      flatness: liveFlatness,
    }),
    [liveRuns, liveSpectra, liveFlatness],
  );
  const input = fromFiles ?? live;
  const sigmas = useMemo(() => {
    if (!fromFiles) return specSigmas ?? [0.1];
    const all = Object.values(fromFiles.flatness).flatMap((f) => Array.from(f.sigmas));
    return all.length > 0 ? [...new Set(all)].sort((a, b) => a - b) : [0.1];
  }, [fromFiles, specSigmas]);
  // A run's colour: its id within its file (the same optimizer keeps its colour across seeds).
  const colorOf = useMemo(() => {
    const ids = [...new Set(input.runs.map((r) => r.id.slice(r.id.indexOf('#') + 1)))];
    return (id: string) => runColor(ids.indexOf(id.slice(id.indexOf('#') + 1)));
  }, [input]);
  const [measure, setMeasure] = useState<ScatterMeasure>(initialMeasure);
  const [sigmaChoice, setSigma] = useState<string | null>(null);
  const sigma =
    sigmaChoice !== null && sigmas.includes(Number(sigmaChoice))
      ? Number(sigmaChoice)
      : sigmas.reduce((a, b) =>
          Math.abs(Math.log(b / 0.1)) < Math.abs(Math.log(a / 0.1)) ? b : a,
        );
  const scatter = useMemo(() => flatnessScatter(input, measure, sigma), [input, measure, sigma]);
  const open = (list: FileList | null) => {
    if (!list || list.length === 0) return;
    void Promise.all(Array.from(list, async (f) => ({ name: f.name, text: await f.text() }))).then(
      (files) => setFromFiles(scatterInputFromExports(files)),
    );
  };
  const dots = useMemo(
    (): ScatterDot[] =>
      scatter.points.map((p) => ({
        id: p.runId,
        label: p.label,
        color: colorOf(p.runId),
        x: p.x,
        y: p.y,
      })),
    [scatter, colorOf],
  );
  const energy = measure === 'energyError' || measure === 'energyLoss';
  const xLabel = energy
    ? `δE(σ = ${sigma}) on the ${measure === 'energyError' ? 'error' : 'loss'}`
    : MEASURE_LABELS[measure];
  return (
    <section
      className="panel experiment-panel"
      data-testid="flatness-scatter"
      aria-label="Flatness against test error"
      data-n={scatter.n}
      data-spearman={Number.isFinite(scatter.spearman) ? scatter.spearman : ''}
      data-kendall={Number.isFinite(scatter.kendall) ? scatter.kendall : ''}
    >
      <div className="panel-head">
        <h2>Flatness vs generalization</h2>
        <SelectField<ScatterMeasure>
          label="x"
          testId="scatter-measure"
          value={measure}
          options={SCATTER_MEASURES}
          labels={MEASURE_LABELS}
          onChange={setMeasure}
        />
        {energy && (
          <SelectField<string>
            label="σ"
            testId="scatter-sigma"
            value={String(sigma)}
            options={sigmas.map(String)}
            onChange={setSigma}
          />
        )}
      </div>
      <p className="muted experiment-hint">
        One dot per run{' '}
        {fromFiles
          ? `of ${fromFiles.files} exported ${fromFiles.files === 1 ? 'experiment' : 'experiments'}, at its last analysis`
          : 'of the current experiment, at its latest analysis'}
        . Flatter minima (lower δE, smaller λmax or trace) should generalize better on average: a
        positive rank correlation.
      </p>
      <div
        className="transport scatter-files"
        data-testid="scatter-drop"
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          open(e.dataTransfer.files);
        }}
      >
        <label className="field">
          <span>Open exports (a sweep’s JSON files, or drop them here)</span>
          <input
            type="file"
            accept=".json,application/json"
            multiple
            data-testid="scatter-files"
            onChange={(e) => open(e.target.files)}
          />
        </label>
        {fromFiles && (
          <button type="button" data-testid="scatter-live" onClick={() => setFromFiles(null)}>
            Back to this experiment
          </button>
        )}
      </div>
      {fromFiles && fromFiles.problems.length > 0 && (
        <ul className="muted" data-testid="scatter-file-problems">
          {fromFiles.problems.map((p) => (
            <li key={p}>Skipped {p}</li>
          ))}
        </ul>
      )}
      {/* Remounted on a new x label: a chart's axis titles are fixed at creation. */}
      <ScatterPlot key={xLabel} xLabel={xLabel} dots={dots} />
      <p className="scatter-stats" data-testid="scatter-stats">
        Spearman ρ = <span className="num">{fmt(scatter.spearman)}</span> · Kendall τ_b ={' '}
        <span className="num">{fmt(scatter.kendall)}</span> · n ={' '}
        <span className="num">{scatter.n}</span>
        {scatter.n < 2 && <span className="muted"> (needs two runs with both measures)</span>}
      </p>
      {scatter.n > 0 && (
        <details className="scatter-points">
          <summary>The {scatter.n} points</summary>
          <div className="table-scroll">
            <table className="stats" aria-label="Scatter points">
              <thead>
                <tr>
                  <th scope="col">run</th>
                  <th scope="col">{energy ? `δE (σ used)` : MEASURE_LABELS[measure]}</th>
                  <th scope="col">final test error</th>
                </tr>
              </thead>
              <tbody>
                {scatter.points.map((p) => (
                  <tr key={p.runId} data-run={p.runId}>
                    <th scope="row">
                      <span className="swatch" style={{ background: colorOf(p.runId) }} />
                      {p.label}
                    </th>
                    <td className="num">
                      {fmt(p.x)}
                      {energy ? ` (${fmt(p.sigma)})` : ''}
                    </td>
                    <td className="num">{fmt(p.y)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
      {scatter.missing.length > 0 && (
        <ul className="scatter-missing muted" data-testid="scatter-missing">
          {scatter.missing.map((m) => (
            <li key={m.runId} data-run={m.runId}>
              {m.label}: {m.why}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
