/**
 * A full ExperimentSpec from a partial one, so a preset (src/presets) or a test writes only what
 * differs: `completeSpec({ dataset: { kind: 'moons', train: 300 }, runs: [{ id: 'sgd', label:
 * 'SGD', optimizer: { kind: 'sgd', momentum: 0.9 } }] })`.
 *
 * - A union (data set, model, loss, a run's optimizer) is its `kind`'s defaults — the spec
 *   schema's `defaults(kind)` (./specSchema.ts), i.e. the core's `default…Spec` and, for an
 *   Entropy-SGD of the 'scaled' variant, that variant's defaults (`makeOptimizerSpec`) — with the
 *   given fields over them. A nested schedule is given whole.
 * - The analysis is the default experiment's (./defaultExperiment.ts) with the given fields over
 *   it; a given `slice` or `flatness` object is completed over the default experiment's too (over
 *   the schema's `DEFAULT_SLICE`/`DEFAULT_FLATNESS` where that is off), `null` turns it off.
 * - Seed, tick, budget and the runs, when absent, are the default experiment's; a run's seed
 *   offset is 0 unless given.
 *
 * The partial types are exact per kind, so a misspelt field (`{ kind: 'sgd', lrr: 0.1 }`) or a
 * field of another kind does not compile. The result is not validated: `validateSpec` does that.
 */
import { defaultDatasetSpec, type DatasetSpec } from '../core/data/datasetSpec';
import { defaultLossSpec, type LossSpec } from '../core/losses/lossSpec';
import { defaultModelSpec, type ModelSpec } from '../core/models/modelSpec';
import { makeOptimizerSpec, type OptimizerSpec } from '../core/optimizers/optimizerSpec';
import { defaultExperimentSpec } from './defaultExperiment';
import {
  SPEC_VERSION,
  type AnalysisSpec,
  type ExperimentSpec,
  type RunSpec,
} from './experimentSpec';
import { DEFAULT_FLATNESS, DEFAULT_SLICE } from './specLayout';

/** One member of a union on `kind` per kind: the kind, and any of that kind's other fields. */
export type KindPartial<U extends { readonly kind: string }> = U extends unknown
  ? { readonly kind: U['kind'] } & Partial<Omit<U, 'kind'>>
  : never;

type Slice = NonNullable<AnalysisSpec['slice']>;
type Flatness = NonNullable<AnalysisSpec['flatness']>;

/** The analysis' own fields as given (any of them), its slice and flatness partial or off. */
export type PartialAnalysis = Partial<Omit<AnalysisSpec, 'slice' | 'flatness'>> & {
  readonly slice?: Partial<Slice> | null;
  readonly flatness?: Partial<Flatness> | null;
};

/** A run: its id, label and optimizer's kind are given; its seed offset is 0 unless given. */
export type PartialRun = Omit<RunSpec, 'optimizer' | 'seedOffset'> & {
  readonly optimizer: KindPartial<OptimizerSpec>;
  readonly seedOffset?: number;
};

/** The spec's top-level fields as given (seed, tick, budget, …); its unions, runs and analysis partial. */
export type PartialSpec = Partial<
  Omit<ExperimentSpec, 'version' | 'dataset' | 'model' | 'loss' | 'runs' | 'analysis'>
> & {
  readonly dataset?: KindPartial<DatasetSpec>;
  readonly model?: KindPartial<ModelSpec>;
  readonly loss?: KindPartial<LossSpec>;
  readonly runs?: readonly PartialRun[];
  readonly analysis?: PartialAnalysis;
};

/** `partial` over its kind's defaults (the union's `defaults(kind)`). */
function over<U extends { readonly kind: string }>(
  defaults: (kind: U['kind']) => U,
  partial: KindPartial<U>,
): U {
  return { ...defaults(partial.kind), ...partial };
}

export function completeDataset<K extends DatasetSpec['kind']>(
  partial: { readonly kind: K } & Partial<Extract<DatasetSpec, { kind: K }>>,
): Extract<DatasetSpec, { kind: K }> {
  return over<DatasetSpec>(defaultDatasetSpec, partial) as Extract<DatasetSpec, { kind: K }>;
}

export function completeModel<K extends ModelSpec['kind']>(
  partial: { readonly kind: K } & Partial<Extract<ModelSpec, { kind: K }>>,
): Extract<ModelSpec, { kind: K }> {
  return over<ModelSpec>(defaultModelSpec, partial) as Extract<ModelSpec, { kind: K }>;
}

export function completeOptimizer(partial: KindPartial<OptimizerSpec>): OptimizerSpec {
  // makeOptimizerSpec picks the 'scaled' Entropy-SGD's own defaults when that variant is named.
  return makeOptimizerSpec(partial);
}

/** A run with its optimizer completed, its fields in the spec's order. */
export function completeRun({ id, label, optimizer, seedOffset, ...rest }: PartialRun): RunSpec {
  return {
    id,
    label,
    optimizer: completeOptimizer(optimizer),
    seedOffset: seedOffset ?? 0,
    ...rest,
  };
}

/** `partial` over the analysis `base` (the default experiment's unless given). */
export function completeAnalysis(
  partial: PartialAnalysis,
  base: AnalysisSpec = defaultExperimentSpec().analysis,
): AnalysisSpec {
  const { slice, flatness, ...scalars } = partial;
  return {
    ...base,
    ...scalars,
    slice:
      slice === null ? null : slice ? { ...(base.slice ?? DEFAULT_SLICE), ...slice } : base.slice,
    flatness:
      flatness === null
        ? null
        : flatness
          ? { ...(base.flatness ?? DEFAULT_FLATNESS), ...flatness }
          : base.flatness,
  };
}

/** The full spec `partial` describes (see the header for what an absent field is). */
export function completeSpec(partial: PartialSpec): ExperimentSpec {
  const base = defaultExperimentSpec();
  const { dataset, model, loss, runs, analysis, ...scalars } = partial;
  return {
    ...base,
    ...scalars,
    version: SPEC_VERSION,
    dataset: dataset ? completeDataset(dataset) : base.dataset,
    model: model ? completeModel(model) : base.model,
    loss: loss ? over<LossSpec>(defaultLossSpec, loss) : base.loss,
    runs: runs ? runs.map(completeRun) : base.runs,
    analysis: completeAnalysis(analysis ?? {}, base.analysis),
  };
}
