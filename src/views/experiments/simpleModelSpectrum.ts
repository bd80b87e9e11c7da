/** The simple model's eigenvalues in the shape the spectrum chart draws (an exact spectrum). */
import type { SpectrumResult } from '../../protocol/analysis';
import type { SimpleModelResult } from '../../protocol/jobs/simpleModelJob';

export /** The toy's spectrum in the shape the spectrum chart draws. */
function asSpectrum(r: SimpleModelResult, classes: number): SpectrumResult {
  const ev = r.eigenvalues;
  let trace = 0;
  for (const v of ev) trace += v;
  return {
    runId: 'toy',
    step: 0,
    gradEvals: 0,
    method: 'exact',
    eigenvalues: ev,
    densityGrid: new Float64Array(0),
    density: new Float64Array(0),
    outliers: r.outliers,
    bulkEdge: r.bulkEdge,
    lambdaMax: ev[ev.length - 1] ?? Number.NaN,
    lambdaMin: ev[0] ?? Number.NaN,
    trace,
    traceError: 0,
    confinement: r.confinement,
    confinementK: classes,
    confinementBaseline: r.confinementBaseline,
  };
}
