/**
 * The ExperimentSpec's fields as data: for every union (data set, model, loss, optimizer and its
 * schedules) the short URL key of each field, its type, its allowed range and what a form calls
 * it. Everything else is derived from this one table: the zod schemas (./zodFromTable.ts), and from
 * them `validateSpec`, the editor's check of a value (`isValidFieldValue`) and the published JSON
 * Schema of `flatland/1`; the permalink codec (encode, decode, clamp); the editor's forms
 * (src/views/SchemaField.tsx); the fuzz tests' random specs. So the link, the checker and the
 * editor cannot disagree about what a valid value is. A range that depends on the data set is the
 * data set kind's own field (`DATASET_SCHEMA.fields(kind)`); a rule across fields (η'γ0 < 1, a
 * tree committee's K dividing N) is a refinement of `validateSpec`, which the editor applies too.
 * The tables keep their types, so the derived schema's type is checked against the core's plain
 * `ExperimentSpec` at compile time (./validateSpec.ts).
 */
import { DATASET_KINDS, defaultDatasetSpec, type DatasetKind } from '../core/data/datasetSpec';
import { LOSS_KINDS, defaultLossSpec, type LossKind } from '../core/losses/lossSpec';
import { MODEL_KINDS, defaultModelSpec, type ModelKind } from '../core/models/modelSpec';
import {
  OPTIMIZER_DEFAULTS,
  type LrSchedule,
  type NormSchedule,
  type OptimizerKind,
} from '../core/optimizers/optimizerSpec';

/** A number in [min, max]. Numbers outside are clamped by the decoder. */
export interface NumberType {
  readonly type: 'number';
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
  /** Integers that must be odd (a committee's K). */
  readonly odd?: boolean;
}
export interface BooleanType {
  readonly type: 'boolean';
}
export interface EnumType<E extends string = string> {
  readonly type: 'enum';
  readonly values: readonly E[];
}
/** A list of numbers in [min, max], written comma-separated. */
export interface NumbersType {
  readonly type: 'numbers';
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
  readonly minLength: number;
  readonly maxLength: number;
}
/** A set of names from `values`, written comma-separated in `values`' order. */
export interface EnumsType<E extends string = string> {
  readonly type: 'enums';
  readonly values: readonly E[];
  readonly minLength: number;
}

/** Text of 1…maxLength characters without control characters (a run's label). */
export interface TextType {
  readonly type: 'text';
  readonly maxLength: number;
}
/** A run id (`RUN_ID`, not one of `RESERVED_IDS`): what a run is named by in the link. */
export interface IdType {
  readonly type: 'id';
}

/** What one field may hold. */
export type ValueType =
  NumberType | BooleanType | EnumType | NumbersType | EnumsType | TextType | IdType;

/**
 * One field of a spec object. `P` and `V` keep the property's name and value type in the type
 * system, so the zod schema derived from a table (./zodFromTable.ts) infers the spec's own type.
 */
export interface FieldSchema<P extends string = string, V extends ValueType = ValueType> {
  /** The key in the link, after the union's prefix: `lr` in `sgd.lr`. */
  readonly key: string;
  /** The property of the spec object. */
  readonly prop: P;
  readonly value: V;
  /** May be absent (undefined) in a valid spec; the link writes `auto` for absent. */
  readonly optional?: boolean;
  /** What an absent optional value means, for a form's empty field ("full space"). */
  readonly absent?: string;
  /** The link's word for an absent optional value: `auto` unless said. */
  readonly absentWord?: string;
  /** What a form calls the field. */
  readonly label: string;
  /** A form's tooltip: the rule or unit the label leaves out. */
  readonly hint?: string;
  /** What a form calls an enum's values (the value itself when absent). */
  readonly valueLabels?: Readonly<Record<string, string>>;
  /** A form shows it only on request, beside the settings most experiments change. */
  readonly advanced?: boolean;
}

/** What a field says besides its key, property, type and label. */
type FieldExtras = Pick<
  FieldSchema,
  'optional' | 'absent' | 'absentWord' | 'hint' | 'valueLabels' | 'advanced'
>;

/** A discriminated union on `kind`: its kinds, each kind's defaults, fields and nested unions. */
export interface UnionSchema {
  /** What the union is called in corrections ("data set", "model", …). */
  readonly noun: string;
  readonly kinds: readonly string[];
  /** What a form calls each kind. */
  readonly kindLabels: Readonly<Record<string, string>>;
  defaults(kind: string): { readonly kind: string };
  fields(kind: string): readonly FieldSchema[];
  nested(kind: string): readonly NestedSchema[];
}

export interface NestedSchema<P extends string = string, U extends UnionSchema = UnionSchema> {
  readonly key: string;
  readonly prop: P;
  readonly union: U;
  /**
   * The union's fields sit beside its kind key, not under it: a run's optimizer is `<id>.opt`
   * with `<id>.lr`, where a schedule is `<id>.lrs` with `<id>.lrs.every`.
   */
  readonly besideKind?: boolean;
  /** The union's name in the published JSON Schema's $defs (`DatasetSpec`), if it has one. */
  readonly schemaId?: string;
}

/** Each kind's fields, by kind. */
export type FieldTable = { readonly [kind: string]: readonly FieldSchema[] };
/** Each kind's nested unions, by kind (kinds without any left out). */
export type NestedTable = { readonly [kind: string]: readonly NestedSchema[] };

/** A union whose tables keep their types: what ./zodFromTable.ts turns into a zod schema. */
export interface TableUnion<
  F extends FieldTable = FieldTable,
  N extends NestedTable = NestedTable,
> extends UnionSchema {
  readonly byKind: F;
  readonly nestedByKind: N;
}

const noNesting = {} as const;

/** A union from its tables: `fields` and `nested` by kind, the kinds in `kinds`' order. */
function union<const F extends FieldTable, const N extends NestedTable = typeof noNesting>(spec: {
  readonly noun: string;
  readonly kinds: readonly (keyof F & string)[];
  readonly kindLabels: { readonly [K in keyof F]: string };
  readonly defaults: (kind: keyof F & string) => { readonly kind: string };
  readonly fields: F;
  readonly nested?: N;
}): TableUnion<F, N> {
  const nested = (spec.nested ?? noNesting) as N;
  return {
    noun: spec.noun,
    kinds: spec.kinds,
    kindLabels: spec.kindLabels,
    defaults: (kind) => spec.defaults(kind),
    fields: (kind) => spec.fields[kind] ?? [],
    nested: (kind) => nested[kind] ?? [],
    byKind: spec.fields,
    nestedByKind: nested,
  };
}

export const int = (min: number, max: number): NumberType => ({
  type: 'number',
  min,
  max,
  integer: true,
});
export const num = (min: number, max: number): NumberType => ({ type: 'number', min, max });
export const bool: BooleanType = { type: 'boolean' };
export const oneOf = <const E extends string>(...values: E[]): EnumType<E> => ({
  type: 'enum',
  values,
});
/** One field: its link key, property, value type, form label and extras. */
export function field<
  const P extends string,
  const V extends ValueType,
  const E extends FieldExtras = Record<never, never>,
>(key: string, prop: P, value: V, label: string, extras?: E): FieldSchema<P, V> & NoInfer<E> {
  return { key, prop, value, label, ...(extras as E) };
}
const advanced = { advanced: true } as const;

export const MAX_SEED = 2 ** 31 - 1;
/** Largest sample count of one split (the data are built in the browser). */
const MAX_SAMPLES = 10_000;

const NOISE = field('noise', 'noise', num(0, 2), 'Noise', {
  hint: 'Standard deviation of the Gaussian noise on each point',
});
const TRAIN = field('train', 'train', int(10, MAX_SAMPLES), 'Train samples');
const TEST = field('test', 'test', int(10, MAX_SAMPLES), 'Test samples');
const LABEL_NOISE = field('flip', 'labelNoise', num(0, 1), 'Label noise', {
  hint: 'Fraction of training labels replaced by another class (test labels stay clean)',
});
const INPUTS = field('n', 'n', int(3, 2001), 'Inputs N');

export const DATASET_LABELS: { readonly [K in DatasetKind]: string } = {
  spiral: 'Spiral',
  moons: 'Two moons',
  circles: 'Circles',
  xor: 'XOR',
  randomPatterns: 'Random patterns',
  teacherStudent: 'Teacher–student',
  gaussianMixture: 'Gaussian mixture',
  mnist: 'MNIST digits',
};

export const DATASET_SCHEMA = union({
  noun: 'data set',
  kinds: DATASET_KINDS,
  kindLabels: DATASET_LABELS,
  defaults: (kind) => defaultDatasetSpec(kind),
  fields: {
    spiral: [
      TRAIN,
      TEST,
      field('classes', 'classes', int(2, 8), 'Classes'),
      field('turns', 'turns', num(0.25, 5), 'Turns'),
      NOISE,
      LABEL_NOISE,
    ],
    moons: [TRAIN, TEST, NOISE],
    circles: [TRAIN, TEST, NOISE, field('factor', 'factor', num(0.05, 0.95), 'Inner radius')],
    xor: [TRAIN, TEST, NOISE],
    randomPatterns: [INPUTS, field('alpha', 'alpha', num(0.01, 10), 'Load α = P/N')],
    teacherStudent: [INPUTS, field('alpha', 'alpha', num(0.01, 20), 'Load α = P/N'), TEST],
    gaussianMixture: [
      TRAIN,
      TEST,
      field('dim', 'dim', int(1, 1000), 'Dimension'),
      field('classes', 'classes', int(2, 20), 'Classes'),
      field('sep', 'separation', num(0, 100), 'Separation', { hint: 'Norm of every class mean' }),
      field('shift', 'shift', num(-100, 100), 'Shift', {
        hint: 'Added to every input coordinate (0: centred inputs)',
      }),
      LABEL_NOISE,
    ],
    // The bundled file holds 10,000 digits: train + test never exceeds it.
    mnist: [
      field('train', 'train', int(10, 8000), 'Train samples'),
      field('test', 'test', int(10, 2000), 'Test samples'),
      field('small', 'downsample', bool, 'Downsample to 14×14'),
    ],
  },
});

const INIT_SCALE = field('r', 'initScale', num(0, 100), 'Init scale r', {
  hint: 'Multiplies the standard initialization; 1 is standard',
});
const SIGN_MODEL = [
  field('norm', 'norm', oneOf('spherical', 'free'), 'Weight norm', {
    hint: 'spherical keeps ‖w‖² = N after every step',
  }),
  field('field', 'field', oneOf('normalized', 'raw'), 'Field', {
    hint: 'normalized divides by ‖w‖; raw by √N only, so a free norm anneals γ',
  }),
];

export const MODEL_LABELS: { readonly [K in ModelKind]: string } = {
  mlp: 'MLP',
  softmaxRegression: 'Softmax regression',
  perceptron: 'Perceptron',
  committee: 'Committee machine',
};

export const MODEL_SCHEMA = union({
  noun: 'model',
  kinds: MODEL_KINDS,
  kindLabels: MODEL_LABELS,
  defaults: (kind) => defaultModelSpec(kind),
  fields: {
    mlp: [
      field(
        'hidden',
        'hidden',
        { type: 'numbers', min: 1, max: 512, integer: true, minLength: 0, maxLength: 6 },
        'Hidden widths',
        { hint: 'Comma-separated widths, e.g. 16, 16 (empty: softmax regression)' },
      ),
      field('act', 'activation', oneOf('relu', 'tanh'), 'Activation'),
      INIT_SCALE,
    ],
    softmaxRegression: [INIT_SCALE],
    perceptron: [...SIGN_MODEL, INIT_SCALE],
    committee: [
      field(
        'k',
        'hidden',
        { type: 'number', min: 1, max: 99, integer: true, odd: true },
        'Hidden units K',
        { hint: 'Odd; a tree committee needs K to divide N' },
      ),
      field('tree', 'tree', bool, 'Tree', { hint: 'Each unit sees its own N/K inputs' }),
      field('act', 'activation', oneOf('tanh', 'relu'), 'Activation'),
      ...SIGN_MODEL,
      INIT_SCALE,
    ],
  },
});

export const LOSS_LABELS: { readonly [K in LossKind]: string } = {
  crossEntropy: 'Cross-entropy',
  mse: 'Mean squared error',
  baldassi: 'Baldassi ℓγ',
};

export const LOSS_SCHEMA = union({
  noun: 'loss',
  kinds: LOSS_KINDS,
  kindLabels: LOSS_LABELS,
  defaults: (kind) => defaultLossSpec(kind),
  fields: {
    crossEntropy: [],
    mse: [],
    baldassi: [field('gamma', 'gamma', num(1e-3, 1e4), 'γ', { hint: 'Sharpness of the loss' })],
  },
});

const LR_SCHEDULE_DEFAULTS: { readonly [K in LrSchedule['kind']]: LrSchedule } = {
  constant: { kind: 'constant' },
  step: { kind: 'step', every: 1000, factor: 0.5 },
  cosine: { kind: 'cosine', total: 1000, minFactor: 0 },
};

export const LR_SCHEDULE_SCHEMA = union({
  noun: 'learning-rate schedule',
  kinds: ['constant', 'step', 'cosine'],
  kindLabels: { constant: 'constant', step: 'steps', cosine: 'cosine' },
  defaults: (kind) => LR_SCHEDULE_DEFAULTS[kind],
  fields: {
    constant: [],
    step: [
      field('every', 'every', int(1, 1e6), 'η step every (steps)'),
      field('factor', 'factor', num(1e-6, 1), 'η step factor'),
    ],
    cosine: [
      field('total', 'total', int(1, 1e6), 'Cosine length (steps)'),
      field('min', 'minFactor', num(0, 1), 'Final η factor'),
    ],
  } satisfies { readonly [K in LrSchedule['kind']]: readonly FieldSchema[] },
});

const NORM_SCHEDULE_DEFAULTS: { readonly [K in NormSchedule['kind']]: NormSchedule } = {
  none: { kind: 'none' },
  grow: { kind: 'grow', rate: 1e-3 },
};

export const NORM_SCHEDULE_SCHEMA = union({
  noun: 'norm schedule',
  kinds: ['none', 'grow'],
  kindLabels: { none: 'none', grow: 'growing' },
  defaults: (kind) => NORM_SCHEDULE_DEFAULTS[kind],
  fields: {
    none: [],
    grow: [
      field('rate', 'rate', num(0, 1), 'Norm growth rate', {
        hint: '‖w‖ = n0 (1 + rate)^t after step t',
      }),
      field('n0', 'n0', num(1e-6, 1e6), 'Initial norm n0', {
        optional: true,
        absent: '‖w₀‖',
        hint: 'Empty: the norm of the initial weights',
      }),
    ],
  } satisfies { readonly [K in NormSchedule['kind']]: readonly FieldSchema[] },
});

const LR = field('lr', 'lr', num(1e-6, 100), 'Learning rate η');
const BATCH = field('bs', 'batchSize', int(1, 100_000), 'Batch');
const MOMENTUM = field('mom', 'momentum', num(0, 0.999), 'Momentum');
const NESTEROV = field('nesterov', 'nesterov', bool, 'Nesterov', {
  ...advanced,
  hint: 'Needs momentum > 0',
});
const DECAY = field('wd', 'weightDecay', num(0, 10), 'Weight decay λ', advanced);
const SGD_HYPER = [LR, BATCH, MOMENTUM, NESTEROV, DECAY];
const LR_SCHEDULE = { key: 'lrs', prop: 'lrSchedule', union: LR_SCHEDULE_SCHEMA } as const;

/** Human names for the menus and legends. */
export const OPTIMIZER_LABELS: { readonly [K in OptimizerKind]: string } = {
  sgd: 'SGD',
  entropySgd: 'Entropy-SGD',
  replicatedSgd: 'Replicated-SGD',
  sam: 'SAM',
  adam: 'Adam',
};

export const OPTIMIZER_KINDS = Object.keys(OPTIMIZER_DEFAULTS) as readonly OptimizerKind[];

const NORM_SCHEDULE = { key: 'norm', prop: 'normSchedule', union: NORM_SCHEDULE_SCHEMA } as const;

export const OPTIMIZER_SCHEMA = union({
  noun: 'optimizer',
  kinds: OPTIMIZER_KINDS,
  kindLabels: OPTIMIZER_LABELS,
  defaults: (kind) => OPTIMIZER_DEFAULTS[kind],
  fields: {
    sgd: SGD_HYPER,
    entropySgd: [
      field('variant', 'variant', oneOf('chaudhari2017', 'scaled'), 'Variant', {
        valueLabels: { chaudhari2017: 'Chaudhari 2017', scaled: 'scaled (Pittorino 2021)' },
      }),
      LR,
      MOMENTUM,
      NESTEROV,
      field('L', 'L', int(1, 1000), 'Inner steps L'),
      field('ilr', 'innerLr', num(1e-6, 100), "Inner η'", { hint: "Keep η'γ0 < 1" }),
      field('imom', 'innerMomentum', num(0, 0.999), 'Inner momentum ρ', {
        hint: 'Nesterov on the inner gradient, as the reference code (0.9); 0 is the plain Langevin loop',
      }),
      field('noise', 'noise', num(0, 10), 'Langevin noise ε', advanced),
      field('g0', 'gamma0', num(1e-8, 1e6), 'Coupling γ0', {
        hint: "Keep η'γ0 < 1 and γ0 ≤ γmax",
      }),
      field('g1', 'gamma1', num(0, 10), 'Scoping rate γ1', {
        ...advanced,
        hint: 'γt = γ0 (1 + γ1)^t',
      }),
      field('gmax', 'gammaMax', num(1e-8, 1e8), 'Coupling cap γmax', advanced),
      field('alpha', 'alpha', num(0, 0.999), 'Averaging α', advanced),
      BATCH,
    ],
    replicatedSgd: [
      ...SGD_HYPER,
      field('y', 'replicas', int(1, 15), 'Replicas y'),
      field('g0', 'g0', num(0, 1e6), 'Coupling g0', { hint: 'Keep 2ηg0 < 1 and g0 ≤ gmax' }),
      field('g1', 'g1', num(0, 10), 'Coupling growth g1', {
        ...advanced,
        hint: 'gt = g0 (1 + g1)^t',
      }),
      field('gmax', 'gMax', num(0, 1e8), 'Coupling cap gmax', advanced),
    ],
    sam: [...SGD_HYPER, field('rho', 'rho', num(0, 10), 'Radius ρ')],
    adam: [
      LR,
      BATCH,
      field('b1', 'beta1', num(0, 0.9999), 'β1', advanced),
      field('b2', 'beta2', num(0, 0.999999), 'β2', advanced),
      field('eps', 'epsilon', num(1e-12, 1), 'ε', advanced),
      DECAY,
    ],
  },
  nested: {
    sgd: [LR_SCHEDULE, NORM_SCHEDULE],
    entropySgd: [LR_SCHEDULE],
    replicatedSgd: [LR_SCHEDULE],
    sam: [LR_SCHEDULE],
    adam: [LR_SCHEDULE],
  },
});

/** A run id: short, URL-safe, starts with a letter. */
export const RUN_ID = /^[A-Za-z][A-Za-z0-9_-]{0,15}$/;
/** Words a run id may not take: they are the link's own top-level keys and prefixes. */
export const RESERVED_IDS: ReadonlySet<string> = new Set([
  'v',
  'preset',
  'backend',
  'seed',
  'tick',
  'budget',
  'data',
  'model',
  'loss',
  'runs',
  'an',
  'lecture',
  'embed',
  'lock',
  'hide',
  'focus',
]);
