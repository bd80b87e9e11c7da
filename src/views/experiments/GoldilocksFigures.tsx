/**
 * The Goldilocks job's result: Tr(H_d)/‖H_d‖_F and the positive share against the radius r, the
 * loss before and after training in a hyperplane, and where the measure peaks. Drawn by the
 * Goldilocks panel and the Goldilocks-sweep study.
 */
import { useMemo } from 'react';
import type { GoldilocksResult } from '../../protocol/jobs/goldilocksJob';
import { createLineChart, type ChartLine } from '../charts/lineChart';
import { runColor } from '../runColors';
import { useChart } from '../useChart';
import { RunLegend } from '../RunLegend';

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

export function GoldilocksFigures(props: { result: GoldilocksResult | null }) {
  const { result } = props;
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
    <>
      {result && <RunLegend entries={[...measureLines, ...lossLines]} />}
      <div ref={measureRef} className="chart" data-drawn={result ? 'yes' : 'no'} />
      <div ref={lossRef} className="chart" />
      {result && (
        <p className="muted" data-testid="goldilocks-peak">
          Tr(H_d)/‖H_d‖_F peaks at r = {peak} (bound √d = {Math.sqrt(result.subspaceDim).toFixed(2)}
          ); D = {result.paramCount}.
        </p>
      )}
    </>
  );
}
