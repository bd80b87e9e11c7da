/**
 * The `flatland/1` export: everything needed to re-analyse an experiment elsewhere (numpy, R).
 * The page's "Export data" button and `npm run lab --out` write exactly this JSON. Typed arrays
 * are written as plain number arrays; NaN and ±Infinity as null.
 */
import type { ExperimentSpec } from './experimentSpec';
import type { BackendName } from './backend';
import type { ParamBlock } from '../core/types';
import type { SeriesKey } from './series';
import type { FlatnessResult, SliceResult, SpectrumResult } from './analysis';
import type { RunSummary } from './runSummary';

export const EXPORT_FORMAT = 'flatland/1';

export interface ExportedRun extends RunSummary {
  /** One array per measure, all the same length (NaN where not measured). */
  readonly series: Readonly<Record<SeriesKey, ArrayLike<number>>>;
  readonly final: {
    /** The evaluated point (Replicated-SGD: the centre), in the layout of `model.layout`. */
    readonly weights: ArrayLike<number>;
    readonly spectrum: SpectrumResult | null;
    readonly flatness: FlatnessResult | null;
  };
  /** λmax, trace, ‖H‖_F and gradient confinement at each analysis of this run. */
  readonly analyses: readonly {
    readonly step: number;
    readonly gradEvals: number;
    readonly lambdaMax: number;
    readonly trace: number;
    readonly traceError: number;
    /** ‖H‖_F = √Σλ², from an exact spectrum (NaN, i.e. null, for an SLQ estimate). */
    readonly frobenius: number;
    readonly confinement: number;
    readonly outliers: number;
  }[];
}

export interface ExportedSplit {
  readonly count: number;
  /** Row-major [count × inputDim]. */
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
}

export interface ExportDocument {
  readonly format: typeof EXPORT_FORMAT;
  readonly createdBy: string;
  readonly spec: ExperimentSpec;
  readonly backend: BackendName;
  readonly model: {
    readonly paramCount: number;
    readonly layout: readonly ParamBlock[];
  };
  readonly dataset: {
    readonly name: string;
    readonly inputDim: number;
    readonly classes: number;
    readonly labelKind: 'class' | 'sign';
    /** Present when the data set has at most 5,000 samples in all. */
    readonly train: ExportedSplit | null;
    readonly test: ExportedSplit | null;
  };
  readonly runs: readonly ExportedRun[];
  readonly slice: SliceResult | null;
  /** One filter-normalized slice around each run, on one shared extent (the newest analysis). */
  readonly localSlices: readonly SliceResult[];
  /** A preset's expected observation evaluated on this document (`npm run lab --preset`). */
  readonly verdict?: ExportVerdict;
}

/** The outcome of a preset's check, as the page shows it and CI asserts it. */
export interface ExportVerdict {
  readonly preset: string;
  readonly ok: boolean;
  readonly detail: string;
  readonly flat?: string;
  readonly sharp?: string;
}
