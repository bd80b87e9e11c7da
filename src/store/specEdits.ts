/**
 * Pure edits of an ExperimentSpec: each takes a spec and returns a new one (never mutates), so the
 * actions stay one-liners and the rules (unique run ids, at least one run, kind defaults) are
 * testable in Node. Also the one place views get the spec vocabulary from (they may not import
 * src/core): kinds, labels and defaults are re-exported here.
 *
 * Imports the spec files directly, never a core index: the page bundle must stay free of tfjs.
 */
import {
  DATASET_KINDS,
  defaultDatasetSpec,
  type DatasetKind,
  type DatasetSpec,
} from '../core/data/datasetSpec';
import { LOSS_KINDS, defaultLossSpec, type LossKind, type LossSpec } from '../core/losses/lossSpec';
import {
  MODEL_KINDS,
  defaultModelSpec,
  type ModelKind,
  type ModelSpec,
} from '../core/models/modelSpec';
import {
  makeOptimizerSpec,
  type EntropySgdVariant,
  type OptimizerKind,
  type OptimizerSpec,
} from '../core/optimizers/optimizerSpec';
import type { PlaneKind } from '../protocol/analysis';
import type {
  AnalysisSpec,
  ExperimentSpec,
  RescaledCopy,
  RunSpec,
} from '../protocol/experimentSpec';
import { defaultCopy } from '../protocol/runVariants';
import { MAX_LABEL } from '../protocol/specSchema';

export { DATASET_KINDS, LOSS_KINDS, MODEL_KINDS };
export type {
  DatasetKind,
  DatasetSpec,
  EntropySgdVariant,
  LossKind,
  LossSpec,
  ModelKind,
  ModelSpec,
  OptimizerKind,
  OptimizerSpec,
};

export const OPTIMIZER_KINDS: readonly OptimizerKind[] = [
  'sgd',
  'entropySgd',
  'replicatedSgd',
  'sam',
  'adam',
];

/** Human names for the menus and legends. */
export const OPTIMIZER_LABELS: Readonly<Record<OptimizerKind, string>> = {
  sgd: 'SGD',
  entropySgd: 'Entropy-SGD',
  replicatedSgd: 'Replicated-SGD',
  sam: 'SAM',
  adam: 'Adam',
};

/** Short URL-safe id stems per kind (a run's id keys its settings in the permalink). */
const ID_STEMS: Readonly<Record<OptimizerKind, string>> = {
  sgd: 'sgd',
  entropySgd: 'esgd',
  replicatedSgd: 'rsgd',
  sam: 'sam',
  adam: 'adam',
};

export const DATASET_LABELS: Readonly<Record<DatasetKind, string>> = {
  spiral: 'Spiral',
  moons: 'Two moons',
  circles: 'Circles',
  xor: 'XOR',
  randomPatterns: 'Random patterns',
  teacherStudent: 'Teacher–student',
  gaussianMixture: 'Gaussian mixture',
  mnist: 'MNIST digits',
};

export const MODEL_LABELS: Readonly<Record<ModelKind, string>> = {
  mlp: 'MLP',
  softmaxRegression: 'Softmax regression',
  perceptron: 'Perceptron',
  committee: 'Committee machine',
};

export const LOSS_LABELS: Readonly<Record<LossKind, string>> = {
  crossEntropy: 'Cross-entropy',
  mse: 'Mean squared error',
  baldassi: 'Baldassi ℓγ',
};

/** A new run id for `kind` that no run of `runs` uses: 'esgd', then 'esgd2', 'esgd3', … */
export function freshRunId(runs: readonly RunSpec[], kind: OptimizerKind): string {
  const stem = ID_STEMS[kind];
  const taken = new Set(runs.map((r) => r.id));
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) if (!taken.has(`${stem}${n}`)) return `${stem}${n}`;
}

export function withDatasetKind(spec: ExperimentSpec, kind: DatasetKind): ExperimentSpec {
  if (spec.dataset.kind === kind) return spec;
  return { ...spec, dataset: defaultDatasetSpec(kind) };
}

/** Changes some parameters of the current data set (fields of other kinds are ignored by type). */
export function withDatasetParams(
  spec: ExperimentSpec,
  patch: Partial<Omit<DatasetSpec, 'kind'>>,
): ExperimentSpec {
  return { ...spec, dataset: { ...spec.dataset, ...patch } };
}

export function withModelKind(spec: ExperimentSpec, kind: ModelKind): ExperimentSpec {
  if (spec.model.kind === kind) return spec;
  return { ...spec, model: defaultModelSpec(kind) };
}

export function withModelParams(
  spec: ExperimentSpec,
  patch: Partial<Omit<ModelSpec, 'kind'>>,
): ExperimentSpec {
  return { ...spec, model: { ...spec.model, ...patch } };
}

export function withLossKind(spec: ExperimentSpec, kind: LossKind): ExperimentSpec {
  if (spec.loss.kind === kind) return spec;
  return { ...spec, loss: defaultLossSpec(kind) };
}

export function withLossParams(
  spec: ExperimentSpec,
  patch: Partial<Omit<LossSpec, 'kind'>>,
): ExperimentSpec {
  return { ...spec, loss: { ...spec.loss, ...patch } };
}

/**
 * Adds a run of `kind` with that kind's defaults, except the minibatch size, which it takes from
 * the first run: optimizers compared at equal batch and equal gradient evaluations.
 */
export function withRunAdded(spec: ExperimentSpec, kind: OptimizerKind): ExperimentSpec {
  const id = freshRunId(spec.runs, kind);
  const first = spec.runs[0];
  const batchSize = first?.optimizer.batchSize;
  const optimizer = makeOptimizerSpec(batchSize === undefined ? { kind } : { kind, batchSize });
  const sameKind = spec.runs.filter((r) => r.optimizer.kind === kind).length;
  const label =
    sameKind === 0 ? OPTIMIZER_LABELS[kind] : `${OPTIMIZER_LABELS[kind]} ${sameKind + 1}`;
  const run: RunSpec = { id, label, optimizer, seedOffset: 0 };
  return { ...spec, runs: [...spec.runs, run] };
}

/** Removes a run; the last run cannot be removed (an experiment has at least one). */
export function withRunRemoved(spec: ExperimentSpec, runId: string): ExperimentSpec {
  if (spec.runs.length <= 1 || !spec.runs.some((r) => r.id === runId)) return spec;
  return { ...spec, runs: spec.runs.filter((r) => r.id !== runId) };
}

export interface RunPatch {
  readonly label?: string;
  readonly seedOffset?: number;
  /** Hyper-parameters of the run's current optimizer kind. */
  readonly optimizer?: Partial<OptimizerSpec>;
  /** Train in a hyperplane of this dimension; null trains in the full space. */
  readonly hyperplane?: number | null;
  /** A copy's layer or factor. */
  readonly copy?: Partial<Omit<RescaledCopy, 'of'>>;
}

export function withRunUpdated(
  spec: ExperimentSpec,
  runId: string,
  patch: RunPatch,
): ExperimentSpec {
  const runs = spec.runs.map((run): RunSpec => {
    if (run.id !== runId) return run;
    const optimizer = patch.optimizer
      ? // The kind never changes through a patch: a new kind is a new run.
        ({ ...run.optimizer, ...patch.optimizer, kind: run.optimizer.kind } as OptimizerSpec)
      : run.optimizer;
    const { hyperplane, copy, ...rest } = run;
    const plane = patch.hyperplane === undefined ? hyperplane : (patch.hyperplane ?? undefined);
    return {
      ...rest,
      label: patch.label ?? run.label,
      seedOffset: patch.seedOffset ?? run.seedOffset,
      optimizer,
      ...(plane !== undefined ? { hyperplane: plane } : {}),
      ...(copy ? { copy: { ...copy, ...patch.copy } } : {}),
    };
  });
  return { ...spec, runs };
}

/**
 * Adds a rescaled copy of run `of` (hidden layer 1 × 5): it trains with its source and shows the
 * same function with another Hessian. Labelled "<source> ×5".
 */
export function withCopyAdded(spec: ExperimentSpec, of: string): ExperimentSpec {
  const source = spec.runs.find((r) => r.id === of);
  if (!source || source.copy) return spec;
  const copy = defaultCopy(of);
  const run: RunSpec = {
    id: freshRunId(spec.runs, source.optimizer.kind),
    label: `${source.label} ×${copy.factor}`.slice(0, MAX_LABEL),
    optimizer: source.optimizer,
    seedOffset: source.seedOffset,
    copy,
  };
  return { ...spec, runs: [...spec.runs, run] };
}

/**
 * Switches an Entropy-SGD run to another named variant: that variant's defaults (L, γ0, …) with
 * the run's learning rate and batch size kept.
 */
export function withEntropySgdVariant(
  spec: ExperimentSpec,
  runId: string,
  variant: EntropySgdVariant,
): ExperimentSpec {
  const runs = spec.runs.map((run): RunSpec => {
    const o = run.optimizer;
    if (run.id !== runId || o.kind !== 'entropySgd' || o.variant === variant) return run;
    return {
      ...run,
      optimizer: makeOptimizerSpec({
        kind: 'entropySgd',
        variant,
        lr: o.lr,
        batchSize: o.batchSize,
      }),
    };
  });
  return { ...spec, runs };
}

export function withTickGradEvals(spec: ExperimentSpec, tickGradEvals: number): ExperimentSpec {
  const value = Math.max(1, Math.round(tickGradEvals));
  return value === spec.tickGradEvals ? spec : { ...spec, tickGradEvals: value };
}

/** The slice settings used when a slice is switched on from 'off'. */
export const DEFAULT_SLICE: NonNullable<AnalysisSpec['slice']> = {
  plane: 'threePoints',
  extent: 1,
  resolution: 41,
};

export const DEFAULT_FLATNESS: NonNullable<AnalysisSpec['flatness']> = {
  sigmas: [0.01, 0.03, 0.1, 0.3, 0.5],
  radii: [0.01, 0.03, 0.1, 0.3],
  draws: 32,
  tolerance: 0,
};

/** A partial change of the analysis settings; `slice`/`flatness` merge into the current ones. */
export interface AnalysisPatch {
  readonly every?: number;
  readonly wait?: boolean;
  readonly spectrum?: AnalysisSpec['spectrum'];
  readonly slice?: Partial<NonNullable<AnalysisSpec['slice']>> | null;
  readonly flatness?: Partial<NonNullable<AnalysisSpec['flatness']>> | null;
}

export const SLICE_RESOLUTION_RANGE = [11, 151] as const;
export const SLICE_EXTENT_RANGE = [0.01, 100] as const;

function clamp(value: number, [lo, hi]: readonly [number, number]): number {
  return Math.min(hi, Math.max(lo, value));
}

/** `analysis` with `patch` applied; resolution rounded and clamped, extent clamped. */
export function patchAnalysis(analysis: AnalysisSpec, patch: AnalysisPatch): AnalysisSpec {
  let slice = analysis.slice;
  if (patch.slice === null) slice = null;
  else if (patch.slice) {
    const merged = { ...(slice ?? DEFAULT_SLICE), ...patch.slice };
    slice = {
      plane: merged.plane,
      extent: clamp(merged.extent, SLICE_EXTENT_RANGE),
      resolution: Math.round(clamp(merged.resolution, SLICE_RESOLUTION_RANGE)),
    };
  }
  let flatness = analysis.flatness;
  if (patch.flatness === null) flatness = null;
  else if (patch.flatness) flatness = { ...(flatness ?? DEFAULT_FLATNESS), ...patch.flatness };
  return {
    every: patch.every === undefined ? analysis.every : Math.max(0, Math.round(patch.every)),
    wait: patch.wait ?? analysis.wait,
    spectrum: patch.spectrum ?? analysis.spectrum,
    slice,
    flatness,
  };
}

export const PLANE_LABELS: Readonly<Record<PlaneKind, string>> = {
  threePoints: 'Through init and two runs',
  random: 'Random (filter-normalized)',
  hessian: 'Top-2 Hessian eigenvectors',
  pca: 'Trajectory PCA',
};
