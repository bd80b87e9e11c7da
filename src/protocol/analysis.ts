/**
 * The landscape analyses the engine streams to the page (at the spec's analysis cadence): per-run
 * Hessian spectra and flatness curves, and one loss slice shared by all runs. Plain data with
 * typed arrays, transferable.
 */

/** What plane a slice is drawn on (SCIENCE.md §5 "Loss slices"). */
export type PlaneKind =
  /** Through the initialization and the current points of the first two runs (or init + one run + a random direction). */
  | 'threePoints'
  /** Filter-normalized random directions around the anchor run's current point. */
  | 'random'
  /** The anchor run's top-2 Hessian eigenvectors. */
  | 'hessian'
  /** The top-2 principal directions of the anchor run's trajectory. */
  | 'pca';

export const PLANE_KINDS: readonly PlaneKind[] = ['threePoints', 'random', 'hessian', 'pca'];

export type SpectrumMethod = 'exact' | 'slq';

/** A run's Hessian at one point of its training. */
export interface SpectrumResult {
  readonly runId: string;
  readonly step: number;
  readonly gradEvals: number;
  readonly method: SpectrumMethod;
  /** Every eigenvalue, ascending ('exact'), or empty ('slq'). */
  readonly eigenvalues: Float64Array;
  /** The SLQ density on `densityGrid` (unit area), or empty ('exact'). */
  readonly densityGrid: Float64Array;
  readonly density: Float64Array;
  /** How many eigenvalues stand above the bulk, and the edge that separates them. */
  readonly outliers: number;
  readonly bulkEdge: number;
  readonly lambdaMax: number;
  readonly lambdaMin: number;
  /** Hutchinson estimate of Tr H with its standard error (exact: the exact trace, error 0). */
  readonly trace: number;
  readonly traceError: number;
  /** f_k = ‖V_kᵀ g‖² / ‖g‖² for k = number of classes, with its random baseline k/D. */
  readonly confinement: number;
  readonly confinementK: number;
  readonly confinementBaseline: number;
}

/** ‖H‖_F = √Σλ² of an exact spectrum; NaN for an SLQ estimate (its density is smoothed). */
export function frobeniusNorm(s: SpectrumResult): number {
  if (s.method !== 'exact') return Number.NaN;
  let sum = 0;
  for (const v of s.eigenvalues) sum += v * v;
  return Math.sqrt(sum);
}

/**
 * Fort & Scherlis's convexity measure Tr(H)/‖H‖_F over its bound √D: 1 when every eigenvalue is
 * equal and positive, about 0 for a symmetric spectrum. NaN without an exact spectrum.
 */
export function traceRatio(s: SpectrumResult): number {
  const f = frobeniusNorm(s);
  return f > 0 ? s.trace / f / Math.sqrt(s.eigenvalues.length) : Number.NaN;
}

/** A run's flatness curves at one point: local energy δE(σ) and shell local entropy. */
export interface FlatnessResult {
  readonly runId: string;
  readonly step: number;
  readonly sigmas: Float64Array;
  /** δE on the train error: mean over draws and its standard deviation, per σ. */
  readonly energyError: Float64Array;
  readonly energyErrorSpread: Float64Array;
  /** δE on the train loss, per σ. */
  readonly energyLoss: Float64Array;
  readonly energyLossSpread: Float64Array;
  /** Shell sampling: relative radii d and the fraction of shell points still within tolerance. */
  readonly radii: Float64Array;
  readonly shellFraction: Float64Array;
}

/** Where a run's trajectory lies on the slice plane. */
export interface ProjectedTrajectory {
  readonly runId: string;
  readonly a: Float64Array;
  readonly b: Float64Array;
  /** Distance of each point from the plane (0 for points that lie in it). */
  readonly offPlane: Float64Array;
}

/** L(w₀ + a·u + b·v) on a grid, with every run's trajectory projected onto the plane. */
export interface SliceResult {
  readonly plane: PlaneKind;
  /** The run the plane is centred on / built from. */
  readonly anchorRunId: string;
  readonly step: number;
  /** Grid coordinates: `a[i]` for column i, `b[j]` for row j. */
  readonly a: Float64Array;
  readonly b: Float64Array;
  /** Row-major [b.length × a.length]: `loss[j * a.length + i]` at (a[i], b[j]). */
  readonly loss: Float32Array;
  readonly error: Float32Array;
  readonly trajectories: readonly ProjectedTrajectory[];
}

/** A 1-D interpolation of the loss between two runs' current points: w(t) = (1−t)·w_A + t·w_B. */
export interface InterpolationResult {
  readonly fromRunId: string;
  readonly toRunId: string;
  readonly t: Float64Array;
  readonly loss: Float64Array;
  readonly error: Float64Array;
}

/** The newest analyses; each field replaces the previous one of its kind when present. */
export interface AnalysisUpdate {
  readonly spectra: readonly SpectrumResult[];
  readonly flatness: readonly FlatnessResult[];
  readonly slice: SliceResult | null;
  /** One small filter-normalized slice around each run, all on the same extent and colour scale. */
  readonly localSlices: readonly SliceResult[];
  readonly interpolation: InterpolationResult | null;
}

/** A long analysis in progress, for a progress bar with a cancel button. */
export interface AnalysisProgress {
  readonly job: 'spectrum' | 'slice' | 'flatness';
  readonly label: string;
  readonly fraction: number;
}
