/**
 * A run's Hessian at its current weights: the exact spectrum for small models (D HVPs and a dense
 * eigensolve), else the SLQ density with Lanczos for the top eigenpairs and Hutchinson for the
 * trace; the outlier count; and the gradient's confinement to the top-C eigenvectors.
 */
import type * as tf from '@tensorflow/tfjs-core';
import { progressRange } from '../../core/linalg/checkpoint';
import { dot } from '../../core/linalg/vector';
import { createRng } from '../../core/random';
import { hessianProducts } from '../../core/slices/hessianProducts';
import { countOutliers } from '../../core/spectrum/countOutliers';
import { exactSpectrum } from '../../core/spectrum/exactSpectrum';
import { gradientConfinement } from '../../core/spectrum/gradientConfinement';
import { gradientVector, hessianOperator } from '../../core/spectrum/hessianOperator';
import { hutchPlusPlusTrace } from '../../core/spectrum/hutchPlusPlusTrace';
import { extremesAndDensity } from '../../core/spectrum/extremesAndDensity';
import { densityGrid, quadratureQuantile, slqDensity } from '../../core/spectrum/slqDensity';
import type { ChunkOptions } from '../../core/types';
import type { SpectrumResult } from '../../protocol/analysis';
import type { AnalysisSpec } from '../../protocol/experimentSpec';
import type { Landscape } from './landscape';

/** Above this many parameters 'auto' estimates the density instead of building H. */
export const EXACT_SPECTRUM_MAX_PARAMS = 1500;

/**
 * The SLQ density's probes (when the spec does not say: `AnalysisSpec.probes`) and Lanczos steps
 * per probe. Against the exact spectrum of the MNIST
 * preset's three runs (D = 1,666, tick 150, 6 probe seeds each), 40 steps are as good as 60: the
 * density's L1 error on the panel's 400 bins 0.012 / 0.011 / 0.013 both ways, the spectral measure's
 * Wasserstein-1 distance 0.07–0.08% of the range against 0.05–0.07%; fewer probes cost accuracy (4
 * probes: L1 0.015–0.017). 40 steps save a third of the products and half the re-orthogonalization.
 */
const SLQ_PROBES = 8;
const SLQ_STEPS = 40;

export interface SpectrumTarget {
  readonly runId: string;
  readonly step: number;
  readonly gradEvals: number;
  readonly weights: tf.Tensor1D;
  /** Seeds the probes of the stochastic estimates. */
  readonly seed: number;
}

export function spectrumMethod(
  setting: AnalysisSpec['spectrum'],
  paramCount: number,
): 'exact' | 'slq' | null {
  if (setting === 'off') return null;
  if (setting === 'auto') return paramCount <= EXACT_SPECTRUM_MAX_PARAMS ? 'exact' : 'slq';
  return setting;
}

/** The spectrum of one run's point, by the method `settings` asks for at this model's size. */
export async function analyseSpectrum(
  landscape: Landscape,
  target: SpectrumTarget,
  settings: AnalysisSpec,
  opts: ChunkOptions,
): Promise<SpectrumResult> {
  const method = spectrumMethod(settings.spectrum, landscape.model.paramCount) ?? 'exact';
  const k = Math.max(1, landscape.dataset.classes);
  const op = hessianOperator(landscape.loss, target.weights, hessianProducts(landscape.objective));
  try {
    const gradient = await gradientVector(landscape.loss, target.weights);
    const common = { runId: target.runId, step: target.step, gradEvals: target.gradEvals };
    if (method === 'exact') {
      // Eigenvalues and the gradient's eigen-coordinates only: f_C needs nothing else.
      const eig = await exactSpectrum(op, { ...opts, vectors: false, project: [gradient] });
      const d = eig.n;
      const values = eig.values;
      const count = Math.min(k, d);
      let inside = 0;
      for (let j = d - count; j < d; j++) inside += (eig.projections[j] ?? 0) ** 2;
      const outliers = countOutliers(values);
      const confinement = { fraction: inside / dot(gradient, gradient), baseline: count / d };
      let trace = 0;
      for (const v of values) trace += v;
      return {
        ...common,
        method,
        eigenvalues: Float64Array.from(values),
        densityGrid: new Float64Array(0),
        density: new Float64Array(0),
        outliers: outliers.count,
        bulkEdge: outliers.bulkEdge,
        lambdaMax: values[d - 1] ?? Number.NaN,
        lambdaMin: values[0] ?? Number.NaN,
        trace,
        traceError: 0,
        confinement: confinement.fraction,
        confinementK: count,
        confinementBaseline: confinement.baseline,
      };
    }
    const probes = createRng(target.seed, 'probes');
    // The top/bottom pairs and the density in one sweep: their Krylov processes share passes.
    const { ends, quadrature } = await extremesAndDensity(
      op,
      { k: Math.min(k + 10, op.dim), which: 'both', rng: probes },
      { probes: settings.probes ?? SLQ_PROBES, steps: Math.min(SLQ_STEPS, op.dim), rng: probes },
      progressRange(opts, 0, 0.75),
    );
    // Hutch++ for the same 30 products as Hutchinson's 30 probes: the Hessian's outliers go into
    // the exact part (the bench's MNIST MLP, 50 products: error bar 4.4% → 1.9%).
    const trace = await hutchPlusPlusTrace(
      op,
      { products: 30, rng: probes },
      progressRange(opts, 0.75, 1),
    );
    const grid = densityGrid(quadrature, 400);
    const topValues = ends.top.map((p) => p.value);
    // The bulk's median from the quadrature's weighted nodes, not from the two spectral ends: the
    // same rule as the exact path's, so a network gets the same count on both sides of the cut.
    const outliers = countOutliers(topValues, { median: quadratureQuantile(quadrature, 0.5) });
    const confinement = gradientConfinement(
      gradient,
      ends.top.slice(0, k).map((p) => p.vector),
    );
    return {
      ...common,
      method,
      eigenvalues: new Float64Array(0),
      densityGrid: grid,
      density: slqDensity(quadrature, grid),
      outliers: outliers.count,
      bulkEdge: outliers.bulkEdge,
      lambdaMax: topValues[0] ?? Number.NaN,
      lambdaMin: ends.bottom[0]?.value ?? Number.NaN,
      trace: trace.mean,
      traceError: trace.standardError,
      confinement: confinement.fraction,
      confinementK: Math.min(k, ends.top.length),
      confinementBaseline: confinement.baseline,
    };
  } finally {
    op.dispose();
  }
}
