import { useMemo, useState } from 'react';
import { createLineChart, type ChartLine } from './charts/lineChart';
import { Toggle } from './fields';
import { FreeEntropyFigure } from './FreeEntropyFigure';
import { runColor } from './runColors';
import { useAppStore } from './useAppStore';
import { useChart } from './useChart';
import { RunLegend } from './RunLegend';

type Measure = 'error' | 'loss';

function minus(a: Float64Array, b: Float64Array): Float64Array {
  return a.map((v, i) => v - (b[i] ?? 0));
}
function plus(a: Float64Array, b: Float64Array): Float64Array {
  return a.map((v, i) => v + (b[i] ?? 0));
}

/** Local energy δE(σ) and shell local entropy of every run: flat minima stay low (energy) and high (entropy). */
export function FlatnessPanel() {
  const flatness = useAppStore((s) => s.analysis.flatness);
  const runs = useAppStore((s) => s.spec.runs);
  // The loss by default: smooth in σ, and what the verdict reads (the error is a step function).
  const [measure, setMeasure] = useState<Measure>('loss');
  const tick = useAppStore((s) => s.analysis.ticks.flatness);
  const tolerance = useAppStore((s) => s.spec.analysis.flatness?.tolerance ?? 0);

  const energy = useMemo(
    (): ChartLine[] =>
      runs.flatMap((run, i) => {
        const f = flatness[run.id];
        if (!f) return [];
        const y = measure === 'error' ? f.energyError : f.energyLoss;
        const spread = measure === 'error' ? f.energyErrorSpread : f.energyLossSpread;
        return [
          {
            id: run.id,
            label: run.label,
            color: runColor(i),
            x: f.sigmas,
            y,
            lower: minus(y, spread),
            upper: plus(y, spread),
            length: f.sigmas.length,
            dots: true,
          },
        ];
      }),
    [flatness, runs, measure],
  );
  const entropy = useMemo(
    (): ChartLine[] =>
      runs.flatMap((run, i) => {
        const f = flatness[run.id];
        if (!f) return [];
        return [
          {
            id: run.id,
            label: run.label,
            color: runColor(i),
            x: f.radii,
            y: f.shellFraction,
            length: f.radii.length,
            dots: true,
          },
        ];
      }),
    [flatness, runs],
  );
  const energyRef = useChart(
    (el) =>
      createLineChart(el, {
        xLabel: 'relative noise σ',
        yLabel: 'local energy δE',
        logX: true,
        height: 230,
      }),
    energy,
  );
  const entropyRef = useChart(
    (el) =>
      createLineChart(el, {
        xLabel: 'relative radius d',
        yLabel: 'shell fraction still as good',
        logX: true,
        height: 230,
      }),
    entropy,
  );
  const step = Object.values(flatness)[0]?.step;
  return (
    <section
      className="panel"
      data-testid="flatness"
      aria-label="Flatness curves"
      data-runs={energy.length}
      data-tick={tick ?? ''}
    >
      <div className="panel-head">
        <h2>
          Flatness
          {step !== undefined && tick !== null ? (
            <span className="muted"> · tick {tick}</span>
          ) : null}
        </h2>
        <Toggle<Measure>
          label="Local energy on"
          testId="flatness-measure"
          value={measure}
          options={['loss', 'error']}
          labels={{ error: 'δE on error', loss: 'δE on loss' }}
          onChange={setMeasure}
        />
      </div>
      <RunLegend
        entries={runs.map((run, i) => ({ id: run.id, label: run.label, color: runColor(i) }))}
        note="bands: ± spread over draws"
      />
      <div className="flatness-charts">
        <figure>
          <figcaption>Local energy δE(σ) — lower is flatter</figcaption>
          <div ref={energyRef} className="chart" data-testid="flatness-energy" />
        </figure>
        <figure>
          <figcaption>
            Local entropy: fraction of the shell at d{' '}
            {tolerance > 0
              ? `whose train error is within ${tolerance} of the centre’s`
              : 'still as good as the centre (a solution, if it is one)'}
          </figcaption>
          <div ref={entropyRef} className="chart" data-testid="flatness-entropy" />
        </figure>
        <FreeEntropyFigure />
      </div>
    </section>
  );
}
