import { useMemo, useState } from 'react';
import { PLANE_KINDS, type PlaneKind, type SliceResult } from '../protocol/analysis';
import { setAnalysis } from '../store/analysisActions';
import { ANALYSIS_FIELDS } from '../protocol/specLayout';
import { PLANE_LABELS } from '../store/specEdits';
import { createColorLegend } from './charts/colorLegend';
import { colorDomain, type ColorDomain } from './charts/colorScale';
import { createLineChart, type ChartLine } from './charts/lineChart';
import { createSliceChart, type SliceChartData, type SliceRun } from './charts/sliceChart';
import { gridBox, unionBox } from './charts/sliceGeometry';
import { SelectField, Toggle } from './fields';
import { SchemaField } from './SchemaField';
import { runColor } from './runColors';
import { useAppStore } from './useAppStore';
import { useChart } from './useChart';
import { RunLegend } from './RunLegend';

type Scale = 'log' | 'linear';

function useSliceRuns(): SliceRun[] {
  const runs = useAppStore((s) => s.spec.runs);
  return useMemo(
    () => runs.map((r, i) => ({ id: r.id, label: r.label, color: runColor(i) })),
    [runs],
  );
}

function Legend({ domain, label }: { domain: ColorDomain | null; label: string }) {
  const ref = useChart((el) => createColorLegend(el, { label }), domain);
  return <div ref={ref} className="legend-bar" />;
}

function MainSlice({
  slice,
  runs,
  scale,
}: {
  slice: SliceResult | null;
  runs: SliceRun[];
  scale: Scale;
}) {
  const domain = useMemo(
    () => (slice ? colorDomain([slice.loss], scale === 'log') : null),
    [slice, scale],
  );
  const data = useMemo(
    (): SliceChartData => ({ slice, runs, domain, box: null, trajectories: 'all' }),
    [slice, runs, domain],
  );
  const ref = useChart((el) => createSliceChart(el, { height: 440 }), data);
  return (
    <>
      <div ref={ref} className="chart slice-main" data-testid="loss-slice-chart" />
      <Legend domain={domain} label="train loss" />
    </>
  );
}

function LocalSlice({
  data,
  label,
  color,
}: {
  data: SliceChartData;
  label: string;
  color: string;
}) {
  const ref = useChart((el) => createSliceChart(el, { height: 190, compact: true }), data);
  return (
    <figure className="local-slice">
      <figcaption>
        <span className="swatch" style={{ background: color }} />
        {label}
      </figcaption>
      <div ref={ref} className="chart" />
    </figure>
  );
}

/** One small slice around each run, on one colour scale and one extent: basin widths compare. */
function LocalSlices({ runs, scale }: { runs: SliceRun[]; scale: Scale }) {
  const localSlices = useAppStore((s) => s.analysis.localSlices);
  const domain = useMemo(
    () =>
      colorDomain(
        localSlices.map((s) => s.loss),
        scale === 'log',
      ),
    [localSlices, scale],
  );
  const box = useMemo(() => unionBox(localSlices.map((s) => gridBox(s.a, s.b))), [localSlices]);
  const items = useMemo(
    () =>
      localSlices.map((slice) => {
        const run = runs.find((r) => r.id === slice.anchorRunId);
        return {
          id: slice.anchorRunId,
          label: run?.label ?? slice.anchorRunId,
          color: run?.color ?? '#888888',
          data: { slice, runs, domain, box, trajectories: 'anchor' } satisfies SliceChartData,
        };
      }),
    [localSlices, runs, domain, box],
  );
  return (
    <div className="local-slices-block">
      <h3>Around each run, same scale and extent</h3>
      {items.length === 0 ? (
        <p className="muted placeholder">Local slices appear after the first analysis.</p>
      ) : (
        <>
          <div className="local-slices" data-testid="local-slices" data-count={items.length}>
            {items.map((item) => (
              <LocalSlice key={item.id} data={item.data} label={item.label} color={item.color} />
            ))}
          </div>
          <Legend domain={domain} label="train loss" />
        </>
      )}
    </div>
  );
}

function Interpolation({ runs }: { runs: SliceRun[] }) {
  const interpolation = useAppStore((s) => s.analysis.interpolation);
  const lines = useMemo((): ChartLine[] => {
    if (!interpolation) return [];
    const n = interpolation.t.length;
    return [
      {
        id: 'loss',
        label: 'loss',
        color: 'var(--accent)',
        x: interpolation.t,
        y: interpolation.loss,
        length: n,
      },
      {
        id: 'error',
        label: 'error',
        color: 'var(--muted)',
        x: interpolation.t,
        y: interpolation.error,
        length: n,
        dash: '6 4',
      },
    ];
  }, [interpolation]);
  const ref = useChart(
    (el) =>
      createLineChart(el, {
        xLabel: 't (0 = first run, 1 = second run)',
        yLabel: 'train loss / error',
        height: 200,
      }),
    lines,
  );
  const from =
    runs.find((r) => r.id === interpolation?.fromRunId)?.label ?? interpolation?.fromRunId;
  const to = runs.find((r) => r.id === interpolation?.toRunId)?.label ?? interpolation?.toRunId;
  return (
    <div className="interpolation" data-testid="interpolation">
      <h3>
        {interpolation
          ? `Along the straight line from ${from} to ${to}: loss (solid), error (dashed)`
          : 'Straight line between two runs'}
      </h3>
      {interpolation ? (
        <div ref={ref} className="chart" />
      ) : (
        <p className="muted placeholder">Add a second run to see the loss between their points.</p>
      )}
    </div>
  );
}

function SliceSettings() {
  const slice = useAppStore((s) => s.spec.analysis.slice);
  if (!slice) {
    return (
      <div className="panel-tools">
        <button type="button" onClick={() => setAnalysis({ slice: {} })}>
          Show the loss slice
        </button>
      </div>
    );
  }
  return (
    <div className="panel-tools">
      <SelectField<PlaneKind>
        label="Plane"
        testId="slice-plane"
        value={slice.plane}
        options={PLANE_KINDS}
        labels={PLANE_LABELS}
        onChange={(plane) => setAnalysis({ slice: { plane } })}
      />
      <SchemaField
        field={ANALYSIS_FIELDS.extent}
        testId="slice-extent"
        value={slice.extent}
        onCommit={(extent) => setAnalysis({ slice: { extent: extent as number } })}
      />
      <SchemaField
        field={ANALYSIS_FIELDS.resolution}
        testId="slice-resolution"
        value={slice.resolution}
        onCommit={(resolution) => setAnalysis({ slice: { resolution: resolution as number } })}
      />
    </div>
  );
}

export function LossSlicePanel() {
  const slice = useAppStore((s) => s.analysis.slice);
  const runs = useSliceRuns();
  const [scale, setScale] = useState<Scale>('log');
  const tick = useAppStore((s) => s.analysis.ticks.slice);
  const sliceOff = useAppStore((s) => s.spec.analysis.slice === null) && !slice;
  return (
    <section
      className="panel panel-slice"
      data-testid="loss-slice"
      aria-label="Loss slice"
      data-tick={tick ?? ''}
    >
      <div className="panel-head">
        <h2>
          Loss landscape
          {slice && tick !== null ? <span className="muted"> · tick {tick}</span> : null}
        </h2>
        <Toggle<Scale>
          label="Colour scale"
          testId="slice-scale"
          value={scale}
          options={['log', 'linear']}
          onChange={setScale}
        />
      </div>
      <SliceSettings />
      <RunLegend entries={runs} note="faded dots lie off the plane" />
      {sliceOff ? (
        <p className="muted placeholder" data-testid="slice-off">
          This experiment draws no loss slice (its claim is read elsewhere); “Show the loss slice”
          adds one to the analyses.
        </p>
      ) : (
        <>
          <MainSlice slice={slice} runs={runs} scale={scale} />
          <LocalSlices runs={runs} scale={scale} />
          <Interpolation runs={runs} />
        </>
      )}
    </section>
  );
}
