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

export interface AnalysisState {
  /** The newest spectrum of each run, by run id. */
  readonly spectra: Readonly<Record<string, SpectrumResult>>;
  readonly flatness: Readonly<Record<string, FlatnessResult>>;
  readonly slice: SliceResult | null;
  readonly localSlices: readonly SliceResult[];
  readonly interpolation: InterpolationResult | null;
}

export function emptyAnalysis(): AnalysisState {
  return { spectra: {}, flatness: {}, slice: null, localSlices: [], interpolation: null };
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

/** `state` with `update`'s results replacing those of the same kind (and run). */
export function foldAnalysis(state: AnalysisState, update: AnalysisUpdate): AnalysisState {
  return {
    spectra: byRun(state.spectra, update.spectra),
    flatness: byRun(state.flatness, update.flatness),
    slice: update.slice ?? state.slice,
    localSlices: update.localSlices.length > 0 ? update.localSlices : state.localSlices,
    interpolation: update.interpolation ?? state.interpolation,
  };
}
