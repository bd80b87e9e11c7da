/**
 * Flatness against generalization across runs (SCIENCE.md §6.6–§6.7): one point per run, x a
 * flatness measure at the run's latest analysis, y its final test error, and the rank
 * correlations of the two (Spearman's ρ, Kendall's τ_b). The runs are those of the current
 * experiment, or of several `flatland/1` exports (a seed sweep of `npm run lab -- --seeds`, see
 * ./scatterExports.ts). Pure, so the views can draw it and Node can test it.
 */
import type { FlatnessResult, SpectrumResult } from '../protocol/analysis';
import { rankCorrelation } from '../protocol/checks';

/** What goes on the x axis. */
export type ScatterMeasure = 'energyError' | 'energyLoss' | 'lambdaMax' | 'trace';

export const SCATTER_MEASURES: readonly ScatterMeasure[] = [
  'energyError',
  'energyLoss',
  'lambdaMax',
  'trace',
];

export interface ScatterRun {
  readonly id: string;
  readonly label: string;
  /** The run's final test error (NaN when it has none). */
  readonly testError: number;
}

export interface ScatterInput {
  readonly runs: readonly ScatterRun[];
  readonly spectra: Readonly<Record<string, SpectrumResult>>;
  readonly flatness: Readonly<Record<string, FlatnessResult>>;
}

export interface ScatterPoint {
  readonly runId: string;
  readonly label: string;
  /** The run's index in the experiment (for its colour). */
  readonly index: number;
  readonly x: number;
  /** Final test error. */
  readonly y: number;
  /** The σ the local energy was read at (the nearest measured to the one asked), or NaN. */
  readonly sigma: number;
}

export interface ScatterMissing {
  readonly runId: string;
  readonly label: string;
  /** What the run lacks, e.g. "no flatness analysis yet". */
  readonly why: string;
}

export interface FlatnessScatter {
  readonly points: readonly ScatterPoint[];
  readonly missing: readonly ScatterMissing[];
  readonly n: number;
  /** NaN when fewer than two points or a constant coordinate. */
  readonly spearman: number;
  readonly kendall: number;
}

/** Index of the value of `grid` nearest to `target` on a log scale (σ grids are geometric). */
export function nearestIndex(grid: ArrayLike<number>, target: number): number {
  let best = -1;
  let bestDistance = Infinity;
  for (let i = 0; i < grid.length; i++) {
    const g = grid[i] ?? Number.NaN;
    const d = g > 0 && target > 0 ? Math.abs(Math.log(g / target)) : Math.abs(g - target);
    if (d < bestDistance) {
      bestDistance = d;
      best = i;
    }
  }
  return best;
}

function measureOf(
  run: ScatterRun,
  input: ScatterInput,
  measure: ScatterMeasure,
  sigma: number,
): { x: number; sigma: number } | string {
  if (measure === 'lambdaMax' || measure === 'trace') {
    const s = input.spectra[run.id];
    if (!s) return 'no spectrum yet';
    const x = measure === 'lambdaMax' ? s.lambdaMax : s.trace;
    return Number.isFinite(x) ? { x, sigma: Number.NaN } : `${measure} is not finite`;
  }
  const f = input.flatness[run.id];
  if (!f) return 'no flatness analysis yet';
  const i = nearestIndex(f.sigmas, sigma);
  const values = measure === 'energyError' ? f.energyError : f.energyLoss;
  const x = values[i] ?? Number.NaN;
  return Number.isFinite(x) ? { x, sigma: f.sigmas[i] ?? Number.NaN } : 'δE is not finite';
}

/**
 * One point per run that has both the chosen measure (`sigma` picks the nearest measured σ for
 * the local energy δE) and a finite final test error; every other run is listed with what it
 * lacks. ρ and τ_b are computed over the points (n of them).
 */
export function flatnessScatter(
  input: ScatterInput,
  measure: ScatterMeasure,
  sigma: number,
): FlatnessScatter {
  const points: ScatterPoint[] = [];
  const missing: ScatterMissing[] = [];
  input.runs.forEach((run, index) => {
    const y = run.testError;
    const m = measureOf(run, input, measure, sigma);
    if (typeof m === 'string') missing.push({ runId: run.id, label: run.label, why: m });
    else if (!Number.isFinite(y))
      missing.push({ runId: run.id, label: run.label, why: 'no test error yet' });
    else points.push({ runId: run.id, label: run.label, index, x: m.x, y, sigma: m.sigma });
  });
  const { rho, tau, n } = rankCorrelation(
    points.map((p) => p.x),
    points.map((p) => p.y),
  );
  return { points, missing, n, spearman: rho, kendall: tau };
}
