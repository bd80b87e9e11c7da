/**
 * Hand-made analysis results in the shapes of src/protocol/analysis.ts, for the chart and store
 * unit tests (never shipped: the page only draws what the engine sends).
 */
import type { FlatnessResult, SliceResult, SpectrumResult } from '../../protocol/analysis';

/** A quadratic bowl L = a² + 4b² + 0.1 on an n×n grid over [−extent, extent]², error = L/10. */
export function bowlSlice(n = 5, extent = 1, runIds: readonly string[] = ['sgd']): SliceResult {
  const a = Float64Array.from({ length: n }, (_, i) => -extent + (2 * extent * i) / (n - 1));
  const b = Float64Array.from(a);
  const loss = new Float32Array(n * n);
  const error = new Float32Array(n * n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const l = (a[i] ?? 0) ** 2 + 4 * (b[j] ?? 0) ** 2 + 0.1;
      loss[j * n + i] = l;
      error[j * n + i] = l / 10;
    }
  }
  return {
    plane: 'threePoints',
    anchorRunId: runIds[0] ?? 'sgd',
    step: 10,
    a,
    b,
    loss,
    error,
    trajectories: runIds.map((runId, k) => ({
      runId,
      a: Float64Array.of(-0.8, -0.4, -0.1 * k),
      b: Float64Array.of(0.8, 0.3, 0.05 * k),
      offPlane: Float64Array.of(0, 0.1 * k, 0.2 * k),
    })),
  };
}

/** A spectrum with a bulk of `bulk` eigenvalues in [−0.1, 0.5] and the given outliers. */
export function exactSpectrum(
  runId: string,
  bulk: number,
  outliers: readonly number[],
): SpectrumResult {
  const values = [
    ...Array.from({ length: bulk }, (_, i) => -0.1 + (0.6 * i) / Math.max(1, bulk - 1)),
    ...outliers,
  ].sort((x, y) => x - y);
  const eigenvalues = Float64Array.from(values);
  const lambdaMax = values[values.length - 1] ?? 0;
  return {
    runId,
    step: 10,
    gradEvals: 50,
    method: 'exact',
    eigenvalues,
    densityGrid: new Float64Array(0),
    density: new Float64Array(0),
    outliers: outliers.length,
    bulkEdge: 0.5,
    lambdaMax,
    lambdaMin: values[0] ?? 0,
    trace: values.reduce((s, v) => s + v, 0),
    traceError: 0,
    confinement: 0.9,
    confinementK: 2,
    confinementBaseline: 2 / values.length,
  };
}

/**
 * An SLQ estimate: a unit-area density on [−0.2, 4] of a Gaussian bulk at 0.1 (σ 0.1) and a small
 * bump at `outlier` (weight 0.02), λmax at the bump.
 */
export function slqSpectrum(runId: string, outlier: number, points = 81): SpectrumResult {
  const lo = -0.2;
  const hi = 4;
  const densityGrid = Float64Array.from(
    { length: points },
    (_, i) => lo + ((hi - lo) * i) / (points - 1),
  );
  const gauss = (x: number, mu: number, s: number) =>
    Math.exp(-0.5 * ((x - mu) / s) ** 2) / (s * Math.sqrt(2 * Math.PI));
  const density = densityGrid.map(
    (x) => 0.98 * gauss(x, 0.1, 0.1) + 0.02 * gauss(x, outlier, 0.05),
  );
  return {
    runId,
    step: 10,
    gradEvals: 50,
    method: 'slq',
    eigenvalues: new Float64Array(0),
    densityGrid,
    density,
    outliers: 1,
    bulkEdge: 0.5,
    lambdaMax: outlier,
    lambdaMin: lo,
    trace: 1.2,
    traceError: 0.1,
    confinement: 0.8,
    confinementK: 2,
    confinementBaseline: 0.01,
  };
}

export function flatness(runId: string): FlatnessResult {
  return {
    runId,
    step: 10,
    sigmas: Float64Array.of(0.01, 0.1, 0.5),
    energyError: Float64Array.of(0, 0.05, 0.3),
    energyErrorSpread: Float64Array.of(0, 0.01, 0.05),
    energyLoss: Float64Array.of(0.001, 0.1, 0.9),
    energyLossSpread: Float64Array.of(0.0005, 0.02, 0.1),
    radii: Float64Array.of(0.01, 0.1, 0.3),
    shellFraction: Float64Array.of(1, 0.8, 0.1),
  };
}
