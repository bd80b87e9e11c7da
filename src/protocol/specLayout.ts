/**
 * The ExperimentSpec's shape around its unions, as data: which fields, unions and switchable
 * groups sit at the top of the spec, in a run and in the analysis. A switchable group is an
 * object the spec may leave out — the slice and flatness settings (null when off) and a run's
 * rescaled copy (absent when the run trains) — turned on and off in the link by one key whose
 * value is the group's head (the slice's plane, the copy's source) or 1/0. The link codec
 * (./linkObjects.ts), the zod schema (./validateSpec.ts, via ./zodFromTable.ts), the editor's
 * forms (src/views/ExperimentEditor.tsx), its edits (src/store/specEdits.ts) and the fuzz's random
 * specs (./testing/randomSpec.node.ts) walk these lists, so a new field of the top, a run or the
 * analysis is its line here, its type in ./experimentSpec.ts and the code that reads it.
 */
import { PLANE_KINDS } from './analysis';
import type { AnalysisSpec, RescaledCopy } from './experimentSpec';
import { COPY_FIELDS, HYPERPLANE_FIELD, defaultCopy } from './runVariants';
import {
  DATASET_SCHEMA,
  LOSS_SCHEMA,
  MAX_SEED,
  MODEL_SCHEMA,
  OPTIMIZER_SCHEMA,
  bool,
  field,
  int,
  num,
  oneOf,
  type FieldSchema,
  type NestedSchema,
  type NumbersType,
} from './specSchema';

/** Top-level scalars of the spec. */
export const SEED_FIELD = field('seed', 'seed', int(0, MAX_SEED), 'Seed');
export const TICK_FIELD = field(
  'tick',
  'tickGradEvals',
  int(1, 10_000),
  'Gradient evals per tick',
  {
    hint: 'Every run advances by this many gradient evaluations per lockstep tick',
  },
);
export const BUDGET_FIELD = field('budget', 'budget', int(0, 10_000_000), 'Ticks to the verdict', {
  hint: 'The experiment plays to this tick and gives its verdict (0: no end)',
});

/** Run-level fields. */
export const SEED_OFFSET_FIELD = field('seed', 'seedOffset', int(0, 1_000_000), 'Seed offset', {
  hint: "Added to the experiment seed for this run's minibatches, noise and hyperplane",
});
export const MAX_RUNS = 12;
export const MAX_LABEL = 40;

/** Relative sizes (σ, d) of the flatness measures: 1…16 of them in [1e-4, 10]. */
const SIZES: NumbersType = { type: 'numbers', min: 1e-4, max: 10, minLength: 1, maxLength: 16 };

/** The analysis group (`an.*`). */
export const ANALYSIS_FIELDS = {
  every: field('every', 'every', int(0, 100_000), 'Analyse every (ticks, 0 = on request)'),
  spectrum: field('spectrum', 'spectrum', oneOf('auto', 'exact', 'slq', 'off'), 'Spectrum', {
    valueLabels: { slq: 'SLQ density' },
  }),
  probes: field('probes', 'probes', int(1, 64), 'SLQ probes', {
    optional: true,
    absent: '8',
    hint: 'Random start vectors of the SLQ density: more are smoother and slower (empty: 8)',
  }),
  wait: field('wait', 'wait', bool, 'Training waits for the analysis'),
  extent: field('extent', 'extent', num(1e-3, 1000), 'Extent ±', {
    hint: 'Half-width of the grid in plane units',
  }),
  resolution: field('res', 'resolution', int(5, 201), 'Grid', { hint: 'Grid points per side' }),
  sigmas: field('sigmas', 'sigmas', SIZES, 'σ', {
    hint: 'Relative noise levels σ of the local energy',
  }),
  radii: field('radii', 'radii', SIZES, 'd', {
    hint: 'Relative radii d of the shell local entropy',
  }),
  draws: field('draws', 'draws', int(1, 1000), 'Draws', { hint: 'Seeded draws per σ and per d' }),
  tolerance: field('tol', 'tolerance', num(0, 1), 'Shell tolerance', {
    hint: 'A shell point counts when its training error is within this of the centre’s',
  }),
} as const;

/** An object the spec may leave out, switched on and off by one link key. */
export interface SwitchGroup<
  P extends string = string,
  H extends FieldSchema | null = FieldSchema | null,
  Fs extends readonly FieldSchema[] = readonly FieldSchema[],
> {
  readonly prop: P;
  /** The switch's link key, after the owner's prefix (`an.slice`, `<id>.copy`). */
  readonly key: string;
  /** The switch's value that turns the group off. */
  readonly off: string;
  /** Off is a null property (the analysis' groups) or an absent one (a run's copy). */
  readonly offIs: 'null' | 'absent';
  /** The field the switch names when on (the plane, the copy's source); none: the switch is 1. */
  readonly head: H;
  /** The group as a link or a form first turns it on, with its head's value (or the default head). */
  defaults(head: unknown): object;
  readonly fields: Fs;
  /** The fields' keys sit under the switch (`<id>.copy.c`) or beside it (`an.extent`). */
  readonly fieldsUnderSwitch: boolean;
  /** Why a field of the group is ignored while it is off, for its owner (`an`, a run id). */
  offReason(owner: string): string;
}

/** The fields, unions and groups of one spec object, in the link's order. */
export interface ObjectLayout {
  readonly fields: readonly FieldSchema[];
  readonly unions: readonly NestedSchema[];
  readonly groups: readonly SwitchGroup[];
}

/** Slice settings a link or the editor turns on when the slice was off. */
export const DEFAULT_SLICE: NonNullable<AnalysisSpec['slice']> = {
  plane: 'threePoints',
  extent: 1,
  resolution: 41,
};

/** Flatness settings a link or the editor turns on when flatness was off. */
export const DEFAULT_FLATNESS: NonNullable<AnalysisSpec['flatness']> = {
  sigmas: [0.01, 0.03, 0.1, 0.3, 0.5],
  radii: [0.01, 0.03, 0.1, 0.3],
  draws: 32,
  tolerance: 0,
};

export const SLICE_GROUP = {
  prop: 'slice',
  key: 'slice',
  off: 'off',
  offIs: 'null',
  head: field('slice', 'plane', oneOf(...PLANE_KINDS), 'Plane'),
  defaults: (plane: unknown) => (plane === undefined ? DEFAULT_SLICE : { ...DEFAULT_SLICE, plane }),
  fields: [ANALYSIS_FIELDS.extent, ANALYSIS_FIELDS.resolution],
  fieldsUnderSwitch: false,
  offReason: () => 'the slice is off',
} as const satisfies SwitchGroup;

export const FLATNESS_GROUP = {
  prop: 'flatness',
  key: 'flat',
  off: '0',
  offIs: 'null',
  head: null,
  defaults: () => DEFAULT_FLATNESS,
  fields: [
    ANALYSIS_FIELDS.sigmas,
    ANALYSIS_FIELDS.radii,
    ANALYSIS_FIELDS.draws,
    ANALYSIS_FIELDS.tolerance,
  ],
  fieldsUnderSwitch: false,
  offReason: () => 'flatness is off',
} as const satisfies SwitchGroup;

/** The run id: a letter, then up to 15 letters, digits, - or _; not a word the link reserves. */
export const RUN_ID_FIELD = field('id', 'id', { type: 'id' }, 'Run id');

export const COPY_GROUP = {
  prop: 'copy',
  key: 'copy',
  off: 'none',
  offIs: 'absent',
  head: field('copy', 'of', { type: 'id' }, 'Copy of'),
  defaults: (of: unknown): RescaledCopy => defaultCopy(String(of)),
  fields: [COPY_FIELDS.factor, COPY_FIELDS.layer],
  fieldsUnderSwitch: true,
  offReason: (id: string) => `run ${id} is not a copy`,
} as const satisfies SwitchGroup;

/** The spec's top level (its runs, a list, and its analysis, `an.*`, apart). */
export const TOP_LAYOUT = {
  fields: [SEED_FIELD, TICK_FIELD, BUDGET_FIELD],
  unions: [
    { key: 'data', prop: 'dataset', union: DATASET_SCHEMA, schemaId: 'DatasetSpec' },
    { key: 'model', prop: 'model', union: MODEL_SCHEMA, schemaId: 'ModelSpec' },
    { key: 'loss', prop: 'loss', union: LOSS_SCHEMA, schemaId: 'LossSpec' },
  ],
  groups: [],
} as const satisfies ObjectLayout;

/** One run, under `<id>.` (its id is the prefix). */
export const RUN_LAYOUT = {
  fields: [
    field('label', 'label', { type: 'text', maxLength: MAX_LABEL }, 'Label'),
    SEED_OFFSET_FIELD,
    HYPERPLANE_FIELD,
  ],
  unions: [{ key: 'opt', prop: 'optimizer', union: OPTIMIZER_SCHEMA, besideKind: true }],
  groups: [COPY_GROUP],
} as const satisfies ObjectLayout;

/** The analysis, under `an.`. */
export const ANALYSIS_LAYOUT = {
  fields: [
    ANALYSIS_FIELDS.every,
    ANALYSIS_FIELDS.wait,
    ANALYSIS_FIELDS.spectrum,
    ANALYSIS_FIELDS.probes,
  ],
  unions: [],
  groups: [SLICE_GROUP, FLATNESS_GROUP],
} as const satisfies ObjectLayout;
