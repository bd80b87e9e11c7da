/**
 * A study's result, drawn by its job's kind: the ±1 curves, the simple model's spectrum and
 * λmax sweep, the Goldilocks measures with their table. Empty charts until a result lands.
 */
import { useMemo } from 'react';
import type { JobResult, JobSpec } from '../../protocol/jobs';
import type { DevicesResult } from '../../protocol/jobs/devicesJob';
import type { GoldilocksResult } from '../../protocol/jobs/goldilocksJob';
import type { SimpleModelResult } from '../../protocol/jobs/simpleModelJob';
import { createLineChart, type ChartLine } from '../charts/lineChart';
import { createSpectrumChart, type SpectrumRun } from '../charts/spectrumChart';
import { BinaryCurves, LocalEntropyCharts } from '../experiments/BinaryCurves';
import { GoldilocksFigures } from '../experiments/GoldilocksFigures';
import { fmt } from '../experiments/format';
import { asSpectrum } from '../experiments/simpleModelSpectrum';
import { runColor } from '../runColors';
import { useChart } from '../useChart';

function SimpleModelFigures(props: { result: SimpleModelResult | null; classes: number }) {
  const { result, classes } = props;
  const spectrum = useMemo(
    (): SpectrumRun[] =>
      result
        ? [
            {
              id: 'toy',
              label: 'simple model',
              color: runColor(0),
              result: asSpectrum(result, classes),
            },
          ]
        : [],
    [result, classes],
  );
  const sweep = useMemo(
    (): ChartLine[] =>
      result
        ? [
            {
              id: 'sweep',
              label: 'λmax',
              color: runColor(0),
              x: result.sweep.scales,
              y: result.sweep.lambdaMax,
              length: result.sweep.scales.length,
              dots: true,
            },
          ]
        : [],
    [result],
  );
  const spectrumRef = useChart(
    (el) => createSpectrumChart(el, { height: 260, bins: 40 }),
    spectrum,
  );
  const sweepRef = useChart(
    (el) =>
      createLineChart(el, { xLabel: 'logit scale s', yLabel: 'λmax', logX: true, height: 260 }),
    sweep,
  );
  return (
    <div className="flatness-charts">
      <figure>
        <figcaption>
          Hessian spectrum
          {result &&
            `: ${result.outliers} outliers above the bulk edge ${fmt(result.bulkEdge)}; gradient ` +
              `confinement f_C ${fmt(result.confinement)} (random: ${fmt(result.confinementBaseline)})`}
        </figcaption>
        <div ref={spectrumRef} className="chart" data-testid="study-simple-spectrum" />
      </figure>
      <figure>
        <figcaption>λmax along the logit scale: rise and fall</figcaption>
        <div ref={sweepRef} className="chart" data-testid="study-simple-sweep" />
      </figure>
    </div>
  );
}

const MACHINE_LABELS = { committee: 'committee machine', parity: 'parity machine' } as const;

function DevicesFigures(props: { result: DevicesResult | null }) {
  const { result } = props;
  const lines = useMemo((): { fraction: ChartLine[]; entropy: ChartLine[] } => {
    if (!result) return { fraction: [], entropy: [] };
    const x = result.distances;
    const of = (y: (c: DevicesResult['curves'][number]) => Float64Array) =>
      result.curves.map((c, i): ChartLine => ({
        id: c.machine,
        label: MACHINE_LABELS[c.machine],
        color: runColor(i),
        x,
        y: y(c),
        length: x.length,
        dots: true,
      }));
    const bound: ChartLine = {
      id: 'shell',
      label: 'upper bound: the whole shell',
      color: '#777777',
      x,
      y: result.shellEntropy,
      length: x.length,
      dash: '6 4',
    };
    return { fraction: of((c) => c.fraction), entropy: [...of((c) => c.localEntropy), bound] };
  }, [result]);
  return (
    <>
      {result && (
        <ul className="legend" data-testid="study-devices-legend">
          {result.curves.map((c, i) => (
            <li key={c.machine}>
              <span className="swatch" style={{ background: runColor(i) }} />
              {MACHINE_LABELS[c.machine]}:{' '}
              {c.solved ? `solved in ${c.sweeps} sweeps` : `${c.errors} errors left`}
            </li>
          ))}
        </ul>
      )}
      <LocalEntropyCharts
        fraction={lines.fraction}
        entropy={lines.entropy}
        testPrefix="study-devices"
      />
    </>
  );
}

function GoldilocksTable(props: { result: GoldilocksResult }) {
  const r = props.result;
  return (
    <div className="table-scroll">
      <table className="stats" aria-label="Goldilocks sweep" data-testid="study-goldilocks-table">
        <thead>
          <tr>
            <th scope="col">r</th>
            <th scope="col">Tr(H_d)/‖H_d‖_F</th>
            <th scope="col">positive share</th>
            <th scope="col">loss at θ₀</th>
            <th scope="col">loss after</th>
            <th scope="col">train error after</th>
          </tr>
        </thead>
        <tbody>
          {Array.from(r.scales, (scale, i) => (
            <tr key={scale}>
              <th scope="row" className="num">
                {fmt(scale)}
              </th>
              <td className="num">{fmt(r.traceOverFrobenius[i] ?? Number.NaN)}</td>
              <td className="num">{fmt(r.positiveFraction[i] ?? Number.NaN)}</td>
              <td className="num">{fmt(r.initialLoss[i] ?? Number.NaN)}</td>
              <td className="num">{fmt(r.finalLoss[i] ?? Number.NaN)}</td>
              <td className="num">{fmt(r.finalError[i] ?? Number.NaN)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function StudyFigures(props: { job: JobSpec; result: JobResult | null }) {
  const { job, result } = props;
  switch (job.kind) {
    case 'binary':
      return <BinaryCurves result={result?.kind === 'binary' ? result : null} />;
    case 'devices':
      return <DevicesFigures result={result?.kind === 'devices' ? result : null} />;
    case 'simpleModel':
      return (
        <SimpleModelFigures
          result={result?.kind === 'simpleModel' ? result : null}
          classes={job.classes}
        />
      );
    case 'goldilocks': {
      const r = result?.kind === 'goldilocks' ? result : null;
      return (
        <>
          <GoldilocksFigures result={r} />
          {r && <GoldilocksTable result={r} />}
        </>
      );
    }
    case 'rescaling':
    case 'freeEntropy':
      // Jobs on a running experiment's weights: no study runs them on its own.
      return null;
  }
}
