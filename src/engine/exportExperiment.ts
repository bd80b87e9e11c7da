/**
 * The `flatland/1` document of an experiment (src/protocol/exportFormat.ts): what the page's
 * "Export data" downloads and what `npm run lab --out` writes.
 */
import type { Split } from '../core/types';
import type { FlatnessResult, SliceResult, SpectrumResult } from '../protocol/analysis';
import { isBackendName } from '../protocol/backend';
import {
  EXPORT_FORMAT,
  type ExportDocument,
  type ExportedRun,
  type ExportedSplit,
} from '../protocol/exportFormat';
import type { Experiment } from './experiment';

/** Data sets up to this many samples (train + test) travel inside the export. */
export const EXPORT_DATA_LIMIT = 5000;

export interface LatestAnalyses {
  readonly spectra: Map<string, SpectrumResult>;
  /** Every spectrum summary per run, oldest first. */
  readonly history: Map<string, ExportedRun['analyses'][number][]>;
  readonly flatness: Map<string, FlatnessResult>;
  slice: SliceResult | null;
  localSlices: readonly SliceResult[];
}

function exportSplit(split: Split): ExportedSplit | null {
  if (split.count === 0) return null;
  return { count: split.count, x: split.x, y: split.y };
}

export function exportExperiment(
  experiment: Experiment,
  latest: LatestAnalyses,
  backend: string,
): ExportDocument {
  const { dataset, model } = experiment;
  const withData = dataset.train.count + dataset.test.count <= EXPORT_DATA_LIMIT;
  const runs: ExportedRun[] = experiment.runs.map((run) => ({
    id: run.id,
    label: run.label,
    status: run.status,
    reason: run.reason,
    steps: run.steps,
    gradEvals: run.gradEvals,
    series: run.recorder.columns(),
    final: {
      weights: run.trajectory[run.trajectory.length - 1] ?? new Float32Array(0),
      spectrum: latest.spectra.get(run.id) ?? null,
      flatness: latest.flatness.get(run.id) ?? null,
    },
    analyses: latest.history.get(run.id) ?? [],
  }));
  return {
    format: EXPORT_FORMAT,
    createdBy: 'Flatland',
    spec: experiment.spec,
    backend: isBackendName(backend) ? backend : 'cpu',
    model: { paramCount: model.paramCount, layout: model.layout },
    dataset: {
      name: dataset.name,
      inputDim: dataset.inputDim,
      classes: dataset.classes,
      labelKind: dataset.labelKind,
      train: withData ? exportSplit(dataset.train) : null,
      test: withData ? exportSplit(dataset.test) : null,
    },
    runs,
    slice: latest.slice,
    localSlices: latest.localSlices,
  };
}
