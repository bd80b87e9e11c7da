/**
 * Every analysis the spec asks for, at the runs' current weights, as one AnalysisUpdate: the shared
 * slice, local slices and the interpolation, per-run flatness and spectra (in that order: cheapest
 * first), each job also handed over as it completes. Chunked: reports progress, yields to the host
 * and stops at a cancel between chunks.
 */
import { progressRange } from '../../core/linalg/checkpoint';
import type { ChunkOptions } from '../../core/types';
import type {
  AnalysisProgress,
  AnalysisUpdate,
  FlatnessResult,
  SpectrumResult,
} from '../../protocol/analysis';
import type { AnalysisSpec } from '../../protocol/experimentSpec';
import { analyseFlatness } from './analyseFlatness';
import {
  analyseInterpolation,
  analyseLocalSlices,
  analyseSlice,
  type SliceContext,
} from './analyseSlices';
import { analyseSpectrum, spectrumMethod, type SpectrumTarget } from './analyseSpectrum';
import type { Landscape } from './landscape';
import { twinCopy, twinOf } from './twins';

export interface AnalysisRun extends SpectrumTarget {
  readonly host: SliceContext['runs'][number];
}

export interface AnalysisInput {
  readonly landscape: Landscape;
  readonly init: Float32Array;
  readonly runs: readonly AnalysisRun[];
  readonly seed: number;
}

export interface AnalysisOptions extends ChunkOptions {
  onStage?: (progress: AnalysisProgress) => void;
  /**
   * Each job's results as soon as its last stage is done — the slice (with the local slices and
   * the interpolation), then every run's flatness, then every run's spectrum: the quick panels
   * show before a slow spectrum (MNIST's SLQ) is done. The returned update holds them all.
   */
  onPartial?: (partial: AnalysisUpdate) => void;
}

export async function analyseExperiment(
  input: AnalysisInput,
  settings: AnalysisSpec,
  opts: AnalysisOptions,
): Promise<AnalysisUpdate> {
  const method = spectrumMethod(settings.spectrum, input.landscape.model.paramCount);
  const stages: {
    job: AnalysisProgress['job'];
    label: string;
    run: (o: ChunkOptions) => Promise<void>;
  }[] = [];
  const empty: AnalysisUpdate = {
    spectra: [],
    flatness: [],
    slice: null,
    localSlices: [],
    interpolation: null,
  };
  const spectra: SpectrumResult[] = [];
  const flatness: FlatnessResult[] = [];
  const update: {
    slice: AnalysisUpdate['slice'];
    localSlices: AnalysisUpdate['localSlices'];
    interpolation: AnalysisUpdate['interpolation'];
  } = {
    slice: null,
    localSlices: [],
    interpolation: null,
  };
  const sliceCtx: SliceContext = {
    landscape: input.landscape,
    init: input.init,
    runs: input.runs.map((r) => r.host),
    seed: input.seed,
  };

  if (settings.slice) {
    const slice = settings.slice;
    stages.push({
      job: 'slice',
      label: 'Loss slice',
      run: async (o) => {
        update.slice = await analyseSlice(sliceCtx, slice, progressRange(o, 0, 0.6));
        update.localSlices = await analyseLocalSlices(sliceCtx, progressRange(o, 0.6, 0.9));
        update.interpolation = await analyseInterpolation(sliceCtx, progressRange(o, 0.9, 1));
      },
    });
  }
  // Runs at equal weights (all of them at step 0) have equal analyses: each is computed once.
  const twins = twinOf(input.runs.map((r) => r.host.weights));
  if (settings.flatness) {
    const flat = settings.flatness;
    for (const [index, run] of input.runs.entries()) {
      stages.push({
        job: 'flatness',
        label: `Flatness of ${run.runId}`,
        run: async (o) => {
          const twin = flatness[twins[index]!];
          flatness.push(
            twins[index] !== index && twin
              ? twinCopy(twin, { runId: run.runId, step: run.step })
              : await analyseFlatness(input.landscape, { ...run, seed: input.seed }, flat, o),
          );
        },
      });
    }
  }

  if (method) {
    for (const [index, run] of input.runs.entries()) {
      stages.push({
        job: 'spectrum',
        label: `${method === 'exact' ? 'Exact Hessian spectrum' : 'Hessian density (SLQ)'} of ${run.runId}`,
        run: async (o) => {
          const twin = spectra[twins[index]!];
          spectra.push(
            twins[index] !== index && twin
              ? twinCopy(twin, { runId: run.runId, step: run.step, gradEvals: run.gradEvals })
              : await analyseSpectrum(input.landscape, run, settings, o),
          );
        },
      });
    }
  }
  for (const [index, stage] of stages.entries()) {
    const stageOpts: ChunkOptions = {
      ...opts,
      onProgress: (fraction) => {
        opts.onStage?.({
          job: stage.job,
          label: stage.label,
          fraction: (index + fraction) / stages.length,
        });
      },
    };
    stageOpts.onProgress?.(0);
    await stage.run(stageOpts);
    // A job's panel is complete when its last stage is: hand it over before the next job runs.
    if (opts.onPartial && stages[index + 1]?.job !== stage.job) {
      if (stage.job === 'slice') opts.onPartial({ ...empty, ...update });
      if (stage.job === 'flatness') opts.onPartial({ ...empty, flatness: [...flatness] });
      if (stage.job === 'spectrum') opts.onPartial({ ...empty, spectra: [...spectra] });
    }
  }
  return { spectra, flatness, ...update };
}
