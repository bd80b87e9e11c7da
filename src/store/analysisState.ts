/**
 * The analysis slice of the store: the newest landscape analyses the engine streamed, folded in
 * from snapshots. Each field keeps its identity until an update of its own kind arrives, so a
 * view selecting `s.analysis.slice` re-renders only when a new slice came.
 */
import type {
  AnalysisUpdate,
  FlatnessResult,
  InterpolationResult,
  SliceResult,
  SpectrumResult,
} from '../protocol/analysis';

/** The scalars of one spectrum, kept for every analysis so they can be drawn against time. */
export interface SpectrumPoint {
  readonly step: number;
  readonly gradEvals: number;
  readonly lambdaMax: number;
  readonly trace: number;
  readonly traceError: number;
  readonly confinement: number;
  readonly confinementBaseline: number;
}

/** A run's spectrum scalars over training, one point per analysis (oldest first). */
export type SpectrumHistory = readonly SpectrumPoint[];

/** Points of history kept per run (one per analysis: thousands of ticks at the usual cadence). */
export const MAX_SPECTRUM_HISTORY = 2000;

export interface AnalysisState {
  /** The newest spectrum of each run, by run id. */
  readonly spectra: Readonly<Record<string, SpectrumResult>>;
  /** λmax, trace and f_C of every analysis so far, by run id (the eigenvalues are not kept). */
  readonly spectrumHistory: Readonly<Record<string, SpectrumHistory>>;
  readonly flatness: Readonly<Record<string, FlatnessResult>>;
  readonly slice: SliceResult | null;
  readonly localSlices: readonly SliceResult[];
  readonly interpolation: InterpolationResult | null;
  /** The lockstep tick each panel's newest analysis took the weights at (null: none yet). */
  readonly ticks: AnalysisTicks;
}

export interface AnalysisTicks {
  readonly spectrum: number | null;
  readonly slice: number | null;
  readonly flatness: number | null;
}

export function emptyAnalysis(): AnalysisState {
  return {
    spectra: {},
    spectrumHistory: {},
    flatness: {},
    slice: null,
    localSlices: [],
    interpolation: null,
    ticks: { spectrum: null, slice: null, flatness: null },
  };
}

function byRun<T extends { readonly runId: string }>(
  previous: Readonly<Record<string, T>>,
  results: readonly T[],
): Readonly<Record<string, T>> {
  if (results.length === 0) return previous;
  const next: Record<string, T> = { ...previous };
  for (const result of results) next[result.runId] = result;
  return next;
}

function pointOf(r: SpectrumResult): SpectrumPoint {
  return {
    step: r.step,
    gradEvals: r.gradEvals,
    lambdaMax: r.lambdaMax,
    trace: r.trace,
    traceError: r.traceError,
    confinement: r.confinement,
    confinementBaseline: r.confinementBaseline,
  };
}

/** Appends each spectrum's scalars to its run's history (a re-analysis at the same step replaces). */
export function extendHistory(
  previous: Readonly<Record<string, SpectrumHistory>>,
  results: readonly SpectrumResult[],
): Readonly<Record<string, SpectrumHistory>> {
  if (results.length === 0) return previous;
  const next: Record<string, SpectrumHistory> = { ...previous };
  for (const r of results) {
    const old = next[r.runId] ?? [];
    const kept = old.length > 0 && old[old.length - 1]?.step === r.step ? old.slice(0, -1) : old;
    next[r.runId] = [...kept, pointOf(r)].slice(-MAX_SPECTRUM_HISTORY);
  }
  return next;
}

/**
 * `state` with `update`'s results replacing those of the same kind (and run); `tick` is the
 * lockstep tick the update's weights were taken at.
 */
export function foldAnalysis(
  state: AnalysisState,
  update: AnalysisUpdate,
  tick: number | null = null,
): AnalysisState {
  const at = (had: number | null, has: boolean) => (has && tick !== null ? tick : had);
  const ticks = {
    spectrum: at(state.ticks.spectrum, update.spectra.length > 0),
    slice: at(state.ticks.slice, update.slice !== null || update.localSlices.length > 0),
    flatness: at(state.ticks.flatness, update.flatness.length > 0),
  };
  const same =
    ticks.spectrum === state.ticks.spectrum &&
    ticks.slice === state.ticks.slice &&
    ticks.flatness === state.ticks.flatness;
  return {
    ticks: same ? state.ticks : ticks,
    spectra: byRun(state.spectra, update.spectra),
    spectrumHistory: extendHistory(state.spectrumHistory, update.spectra),
    flatness: byRun(state.flatness, update.flatness),
    slice: update.slice ?? state.slice,
    localSlices: update.localSlices.length > 0 ? update.localSlices : state.localSlices,
    interpolation: update.interpolation ?? state.interpolation,
  };
}
