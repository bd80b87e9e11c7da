import { useEffect, useMemo, useState } from 'react';
import { createLineChart, type ChartLine } from '../charts/lineChart';
import { createSpectrumChart, type SpectrumRun } from '../charts/spectrumChart';
import { runColor } from '../runColors';
import { useAppStore } from '../useAppStore';
import { useChart } from '../useChart';
import { fmt } from './format';
import { asSpectrum } from './simpleModelSpectrum';
import { JobProgress } from './JobProgress';
import { useJob } from './useJob';

/** The toy's size: small enough that a slider move answers within about a second. */
const DIM = 60;
const SAMPLES = 300;
const SEED = 1;
const DEBOUNCE_MS = 150;
const MIN_C = 2;
const MAX_C = 10;
/** The logit-scale slider moves log2(s) over the job's own sweep range, 0.25 to 32. */
const LOG2_SCALE: readonly [number, number] = [-2, 5];

const TOY_COLOR = runColor(0);

function Slider(props: {
  label: string;
  testId: string;
  value: number;
  min: number;
  max: number;
  step: number;
  shown: string;
  onChange: (v: number) => void;
}) {
  return (
    <label className="field slider">
      <span>
        {props.label} <strong className="num">{props.shown}</strong>
      </span>
      <input
        type="range"
        data-testid={props.testId}
        min={props.min}
        max={props.max}
        step={props.step}
        value={props.value}
        onChange={(e) => props.onChange(Number(e.target.value))}
      />
    </label>
  );
}

/**
 * Fort & Ganguli's simple model, live: class-clustered logit gradients give C Hessian outliers,
 * a gradient confined to their span, and a top curvature that rises then falls as the logits
 * grow. Beside it, the same measures of the running experiment's first run.
 */
export function SimpleModelPanel() {
  const [classes, setClasses] = useState(3);
  const [strength, setStrength] = useState(3);
  const [log2Scale, setLog2Scale] = useState(0);
  const scale = 2 ** log2Scale;
  /** Outlier counts seen per C at one strength and scale (moving C fills the chart). */
  const [seen, setSeen] = useState<{ key: string; counts: ReadonlyMap<number, number> }>({
    key: '',
    counts: new Map(),
  });
  const { status, last, run, cancel } = useJob<'simpleModel'>((result, job) => {
    const key = `${job.clusterStrength}|${job.logitScale}`;
    setSeen((prev) => {
      const counts = new Map(prev.key === key ? prev.counts : []);
      counts.set(job.classes, result.outliers);
      return { key, counts };
    });
  });
  const lastClasses = Math.round((last?.confinementBaseline ?? 0) * DIM);

  useEffect(() => {
    const timer = setTimeout(
      () =>
        run({
          kind: 'simpleModel',
          classes,
          dim: DIM,
          samples: SAMPLES,
          clusterStrength: strength,
          logitScale: scale,
          seed: SEED,
        }),
      DEBOUNCE_MS,
    );
    return () => clearTimeout(timer);
  }, [classes, strength, scale, run]);

  const spectrum = useMemo(
    (): SpectrumRun[] =>
      last
        ? [
            {
              id: 'toy',
              label: 'simple model',
              color: TOY_COLOR,
              result: asSpectrum(last, lastClasses),
            },
          ]
        : [],
    [last, lastClasses],
  );
  const outlierLines = useMemo((): ChartLine[] => {
    const cs = [...seen.counts.keys()].sort((a, b) => a - b);
    const diagonal = Float64Array.from({ length: MAX_C - MIN_C + 1 }, (_, i) => MIN_C + i);
    return [
      {
        id: 'c',
        label: 'C',
        color: '#777777',
        x: diagonal,
        y: diagonal,
        length: diagonal.length,
        dash: '6 4',
      },
      {
        id: 'outliers',
        label: 'outliers',
        color: TOY_COLOR,
        x: Float64Array.from(cs),
        y: Float64Array.from(cs, (c) => seen.counts.get(c) ?? Number.NaN),
        length: cs.length,
        dots: true,
      },
    ];
  }, [seen]);
  const sweepLines = useMemo((): ChartLine[] => {
    if (!last) return [];
    const here = last.eigenvalues[last.eigenvalues.length - 1] ?? Number.NaN;
    return [
      {
        id: 'sweep',
        label: 'λmax',
        color: TOY_COLOR,
        x: last.sweep.scales,
        y: last.sweep.lambdaMax,
        length: last.sweep.scales.length,
        dots: true,
      },
      {
        id: 'here',
        label: 'current scale',
        color: runColor(1),
        x: Float64Array.of(scale),
        y: Float64Array.of(here),
        length: 1,
        dots: true,
      },
    ];
  }, [last, scale]);

  const spectrumRef = useChart(
    (el) => createSpectrumChart(el, { height: 230, bins: 40 }),
    spectrum,
  );
  const outlierRef = useChart(
    (el) =>
      createLineChart(el, {
        xLabel: 'classes C',
        yLabel: 'outliers (dashed: C)',
        height: 200,
      }),
    outlierLines,
  );
  const sweepRef = useChart(
    (el) =>
      createLineChart(el, {
        xLabel: 'logit scale s',
        yLabel: 'λmax',
        logX: true,
        height: 200,
      }),
    sweepLines,
  );

  const firstRun = useAppStore((s) => s.spec.runs[0]);
  const net = useAppStore((s) => (firstRun ? s.analysis.spectra[firstRun.id] : undefined));
  const toyLambdaMax = last ? (last.eigenvalues[last.eigenvalues.length - 1] ?? NaN) : NaN;

  return (
    <section
      className="panel experiment-panel"
      data-testid="simple-model"
      aria-label="Fort and Ganguli simple model"
      data-state={status.state}
      data-classes={status.state === 'done' ? status.job.classes : ''}
      data-outliers={status.state === 'done' ? status.result.outliers : ''}
      data-confinement={status.state === 'done' ? status.result.confinement : ''}
    >
      <div className="panel-head">
        <h2>Fort–Ganguli simple model</h2>
      </div>
      <p className="muted experiment-hint">
        Each class pulls its logit gradients towards its own direction; through the softmax
        curvature that gives C outlying Hessian eigenvalues, and a gradient that lives in their
        span. D = {DIM} parameters, P = {SAMPLES} samples.
      </p>
      <div className="experiment-controls">
        <Slider
          label="classes C"
          testId="simple-classes"
          value={classes}
          min={MIN_C}
          max={MAX_C}
          step={1}
          shown={String(classes)}
          onChange={setClasses}
        />
        <Slider
          label="cluster strength"
          testId="simple-strength"
          value={strength}
          min={0}
          max={6}
          step={0.25}
          shown={fmt(strength)}
          onChange={setStrength}
        />
        <Slider
          label="logit scale s"
          testId="simple-scale"
          value={log2Scale}
          min={LOG2_SCALE[0]}
          max={LOG2_SCALE[1]}
          step={0.25}
          shown={fmt(scale)}
          onChange={setLog2Scale}
        />
        <JobProgress status={status} testId="simple-progress" onCancel={cancel} />
      </div>
      <div className="simple-grid">
        <figure>
          <figcaption>Eigenvalues of the Gauss–Newton Hessian; ticks: outliers</figcaption>
          <div ref={spectrumRef} className="chart" data-testid="simple-spectrum" />
        </figure>
        <div className="table-scroll">
          <table className="stats" aria-label="Toy against network" data-testid="simple-compare">
            <thead>
              <tr>
                <th scope="col">measure</th>
                <th scope="col">simple model</th>
                <th scope="col">
                  {firstRun ? firstRun.label : 'network'}
                  {net ? <span className="muted"> · step {net.step}</span> : null}
                </th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">classes C</th>
                <td className="num">{last ? lastClasses : '—'}</td>
                <td className="num">{net ? net.confinementK : '—'}</td>
              </tr>
              <tr>
                <th scope="row">outliers</th>
                <td className="num" data-testid="simple-outliers">
                  {last ? last.outliers : '—'}
                </td>
                <td className="num">{net ? net.outliers : '—'}</td>
              </tr>
              <tr>
                <th scope="row" title="f_C = ‖V_Cᵀg‖²/‖g‖² against a random direction's C/D">
                  f<sub>C</sub> (random C/D)
                </th>
                <td className="num" data-testid="simple-confinement">
                  {last ? `${fmt(last.confinement)} (${fmt(last.confinementBaseline)})` : '—'}
                </td>
                <td className="num">
                  {net ? `${fmt(net.confinement)} (${fmt(net.confinementBaseline)})` : '—'}
                </td>
              </tr>
              <tr>
                <th scope="row">λmax</th>
                <td className="num">{fmt(toyLambdaMax)}</td>
                <td className="num">{net ? fmt(net.lambdaMax) : '—'}</td>
              </tr>
            </tbody>
          </table>
          {!net && (
            <p className="muted">
              The network’s column fills in once the experiment has a Hessian spectrum (press
              “Analyse now” with the spectrum on).
            </p>
          )}
        </div>
        <figure>
          <figcaption>
            Outliers against C at this strength and scale (move C to add points)
          </figcaption>
          <div ref={outlierRef} className="chart" data-testid="simple-outliers-vs-c" />
        </figure>
        <figure>
          <figcaption>λmax against the logit scale: the rise and fall; dot: current s</figcaption>
          <div ref={sweepRef} className="chart" data-testid="simple-sweep" />
        </figure>
      </div>
    </section>
  );
}
