/**
 * Pure edits of an ExperimentSpec: each takes a spec and returns a new one (never mutates), so the
 * actions stay one-liners and the rules (unique run ids, at least one run, kind defaults) are
 * testable in Node, and `applyEdit`, which holds every edit to what the link keeps. Views get the
 * spec's types here (they may not import src/core); its kinds, labels and ranges from the schema
 * (src/protocol/specSchema.ts).
 *
 * The spec's vocabulary comes from protocol (specVocabulary.ts), never from src/core.
 */
import type { PlaneKind } from '../protocol/analysis';
import {
  defaultDatasetSpec,
  defaultLossSpec,
  defaultModelSpec,
  makeOptimizerSpec,
  type DatasetKind,
  type DatasetSpec,
  type EntropySgdVariant,
  type LossKind,
  type LossSpec,
  type ModelKind,
  type ModelSpec,
  type OptimizerKind,
  type OptimizerSpec,
} from '../protocol/specVocabulary';
import type {
  AnalysisSpec,
  ExperimentSpec,
  RescaledCopy,
  RunSpec,
} from '../protocol/experimentSpec';
import { formatValue, parseValue } from '../protocol/linkValues';
import { repairSpec } from '../protocol/repairSpec';
import { defaultCopy } from '../protocol/runVariants';
import { OPTIMIZER_LABELS, type FieldSchema } from '../protocol/specSchema';
import { ANALYSIS_LAYOUT, MAX_LABEL, MAX_RUNS } from '../protocol/specLayout';
import { validateSpec } from '../protocol/validateSpec';

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

/** Short URL-safe id stems per kind (a run's id keys its settings in the permalink). */
const ID_STEMS: Readonly<Record<OptimizerKind, string>> = {
  sgd: 'sgd',
  entropySgd: 'esgd',
  replicatedSgd: 'rsgd',
  sam: 'sam',
  adam: 'adam',
};

/** A new run id for `kind` that no run of `runs` uses: 'esgd', then 'esgd2', 'esgd3', … */
export function freshRunId(runs: readonly RunSpec[], kind: OptimizerKind): string {
  const stem = ID_STEMS[kind];
  const taken = new Set(runs.map((r) => r.id));
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) if (!taken.has(`${stem}${n}`)) return `${stem}${n}`;
}

/** `object` with `prop` set to `value`, or without `prop` when `value` is undefined (an optional field). */
export function withField<T extends object>(object: T, prop: string, value: unknown): T {
  if (value !== undefined) return { ...object, [prop]: value };
  return Object.fromEntries(Object.entries(object).filter(([k]) => k !== prop)) as T;
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
/** Whether another run fits: the link (and the checker) hold at most `MAX_RUNS`. */
export function canAddRun(spec: ExperimentSpec): boolean {
  return spec.runs.length < MAX_RUNS;
}

/** Adds a run of `kind` with its defaults (the first run's batch size); none past `MAX_RUNS`. */
export function withRunAdded(spec: ExperimentSpec, kind: OptimizerKind): ExperimentSpec {
  if (!canAddRun(spec)) return spec;
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
  if (!source || source.copy || !canAddRun(spec)) return spec;
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

type Bag = Readonly<Record<string, unknown>>;

/** `spec` with one of its top-level fields (`TOP_LAYOUT`: seed, tick, budget) set, fitted as the link would. */
export function withTopField(spec: ExperimentSpec, f: FieldSchema, value: unknown): ExperimentSpec {
  const old = (spec as unknown as Bag)[f.prop];
  const fitted = fit(f, value, old);
  return fitted === old ? spec : { ...spec, [f.prop]: fitted };
}

/** A partial change of the analysis settings; `slice`/`flatness` merge into the current ones. */
export interface AnalysisPatch {
  readonly every?: number;
  readonly wait?: boolean;
  readonly spectrum?: AnalysisSpec['spectrum'];
  readonly slice?: Partial<NonNullable<AnalysisSpec['slice']>> | null;
  readonly flatness?: Partial<NonNullable<AnalysisSpec['flatness']>> | null;
}

/** `x` as the link decoder would read it into `f` (rounded, clamped), or `kept` when unusable. */
function fit<T>(f: FieldSchema, x: T, kept: T): T {
  if (f.optional && x === undefined) return x;
  const parsed = parseValue(formatValue(x, f.value), f.value);
  return parsed.ok ? (parsed.value as T) : kept;
}

/**
 * `analysis` with `patch` applied, each value fitted to its schema field as the link would: the
 * fields of `ANALYSIS_LAYOUT`, and its groups (slice, flatness) turned off by null or merged
 * into the current settings (or the group's defaults, when it was off).
 */
export function patchAnalysis(analysis: AnalysisSpec, patch: AnalysisPatch): AnalysisSpec {
  const a = analysis as unknown as Bag;
  const p = patch as Bag;
  const out: Record<string, unknown> = { ...a };
  for (const f of ANALYSIS_LAYOUT.fields) {
    if (!Object.hasOwn(p, f.prop)) continue;
    const value = fit(f, p[f.prop], a[f.prop]);
    if (value === undefined) delete out[f.prop];
    else out[f.prop] = value;
  }
  for (const g of ANALYSIS_LAYOUT.groups) {
    const change = p[g.prop] as Bag | null | undefined;
    if (change === null) out[g.prop] = null;
    else if (change) {
      const old = (a[g.prop] ?? g.defaults(undefined)) as Bag;
      const merged = { ...old, ...change };
      const group: Record<string, unknown> = {};
      for (const f of g.head ? [g.head, ...g.fields] : g.fields) {
        group[f.prop] = fit(f, merged[f.prop], old[f.prop]);
      }
      out[g.prop] = group;
    }
  }
  return out as unknown as AnalysisSpec;
}

/** What the editor made of an edit: the new spec and what it repaired, or why it refused. */
export type EditResult =
  | { readonly ok: true; readonly spec: ExperimentSpec; readonly notes: readonly string[] }
  | { readonly ok: false; readonly problems: readonly string[] };

/**
 * An edit as the editor applies it: the link decoder's own repairs (`repairSpec`: a model or loss
 * that does not fit the data, a copy the model cannot have), each said in a note, then the link's
 * check (`validateSpec`: ranges and refinements such as η'γ0 < 1). An edit the link would still
 * change is refused, so the editor only ever holds specs its link keeps as they are.
 */
export function applyEdit(
  spec: ExperimentSpec,
  change: (spec: ExperimentSpec) => ExperimentSpec,
): EditResult {
  const repaired = repairSpec(change(spec), spec);
  const problems = validateSpec(repaired.spec);
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, spec: repaired.spec, notes: repaired.notes };
}

export const PLANE_LABELS: Readonly<Record<PlaneKind, string>> = {
  threePoints: 'Through init and two runs',
  random: 'Random (filter-normalized)',
  hessian: 'Top-2 Hessian eigenvectors',
  pca: 'Trajectory PCA',
};
