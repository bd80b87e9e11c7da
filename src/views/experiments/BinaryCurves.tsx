/**
 * The ±1-network job's result: each solver's outcome, and the fraction of solutions and the
 * local entropy S(d) around what it found, against the Hamming distance d. Drawn by the lab
 * panel and by the studies that run a ±1 job.
 */
import { useMemo } from 'react';
import type { BinaryResult, BinarySolver } from '../../protocol/jobs/binaryJob';
import { BINARY_SOLVERS, BINARY_SOLVER_LABELS } from '../../store/binaryLab';
import { createLineChart, type ChartLine } from '../charts/lineChart';
import { runColor } from '../runColors';
import { useChart } from '../useChart';

export function solverColor(solver: BinarySolver): string {
  return runColor(BINARY_SOLVERS.indexOf(solver));
}

function curves(result: BinaryResult | null, measure: 'fraction' | 'entropy'): ChartLine[] {
  if (!result) return [];
  const x = result.distances;
  const lines: ChartLine[] = result.results.map((r) => ({
    id: r.solver,
    label: BINARY_SOLVER_LABELS[r.solver],
    color: solverColor(r.solver),
    x,
    y: measure === 'fraction' ? r.fraction : r.localEntropy,
    length: x.length,
    dots: true,
  }));
  const bound = result.results[0]?.shellEntropy;
  if (measure === 'entropy' && bound)
    lines.push({
      id: 'shell',
      label: 'upper bound: the whole shell',
      color: '#777777',
      x,
      y: bound,
      length: x.length,
      dash: '6 4',
    });
  return lines;
}

export function BinaryCurves(props: { result: BinaryResult | null }) {
  const last = props.result;
  const fractionLines = useMemo(() => curves(last, 'fraction'), [last]);
  const entropyLines = useMemo(() => curves(last, 'entropy'), [last]);
  return (
    <>
      {last && (
        <div className="table-scroll">
          <table className="stats" aria-label="Solvers" data-testid="binary-results">
            <thead>
              <tr>
                <th scope="col">solver</th>
                <th scope="col">solved</th>
                <th scope="col">errors</th>
                <th scope="col">sweeps</th>
              </tr>
            </thead>
            <tbody>
              {last.results.map((r) => (
                <tr key={r.solver} data-solver={r.solver} data-solved={r.solved}>
                  <th scope="row">
                    <span className="swatch" style={{ background: solverColor(r.solver) }} />
                    {BINARY_SOLVER_LABELS[r.solver]}
                  </th>
                  <td>{r.solved ? 'yes' : 'no'}</td>
                  <td className="num">{r.errors}</td>
                  <td className="num">{r.sweeps}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LocalEntropyCharts fraction={fractionLines} entropy={entropyLines} testPrefix="binary" />
    </>
  );
}

/**
 * The two charts of a Hamming local-entropy measurement: the fraction of flipped networks still
 * solutions, and S(d) against its bound, both against d (`<testPrefix>-fraction`, `-entropy`).
 */
export function LocalEntropyCharts(props: {
  fraction: readonly ChartLine[];
  entropy: readonly ChartLine[];
  testPrefix: string;
}) {
  const fractionRef = useChart(
    (el) =>
      createLineChart(el, {
        xLabel: 'Hamming distance d (fraction of weights flipped)',
        yLabel: 'fraction still solutions',
        logX: true,
        height: 230,
      }),
    props.fraction,
  );
  const entropyRef = useChart(
    (el) =>
      createLineChart(el, {
        xLabel: 'Hamming distance d',
        yLabel: 'local entropy S(d)',
        logX: true,
        height: 230,
      }),
    props.entropy,
  );
  return (
    <div className="flatness-charts">
      <figure>
        <figcaption>Fraction of flipped networks still solutions</figcaption>
        <div ref={fractionRef} className="chart" data-testid={`${props.testPrefix}-fraction`} />
      </figure>
      <figure>
        <figcaption>
          Local entropy S(d) = (1/N) log(fraction × shell size); dashed: its bound
        </figcaption>
        <div ref={entropyRef} className="chart" data-testid={`${props.testPrefix}-entropy`} />
      </figure>
    </div>
  );
}
