/**
 * The ExperimentSpec's fields as data: for every union (data set, model, loss, optimizer and its
 * schedules) the short URL key of each field, its type, its allowed range and what a form calls
 * it. The permalink codec (encode, decode, clamp), the spec checker (`validateSpec`) and the
 * editor's forms (src/views/SchemaField.tsx) all read this one table, so the link, the checker and
 * the editor cannot disagree about what a valid value is. A range that depends on the data set is
 * the data set kind's own field (`DATASET_SCHEMA.fields(kind)`); a rule across fields (η'γ0 < 1,
 * a tree committee's K dividing N) is a refinement of `validateSpec`, which the editor applies too.
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
import type { AnalysisSpec } from './experimentSpec';

/** What one field may hold. Numbers outside [min, max] are clamped by the decoder. */
export type ValueType =
  | {
      readonly type: 'number';
      readonly min: number;
      readonly max: number;
      readonly integer?: boolean;
      /** Integers that must be odd (a committee's K). */
      readonly odd?: boolean;
    }
  | { readonly type: 'boolean' }
  | { readonly type: 'enum'; readonly values: readonly string[] }
  | {
      readonly type: 'numbers';
      readonly min: number;
      readonly max: number;
      readonly integer?: boolean;
      readonly minLength: number;
      readonly maxLength: number;
    }
  /** A set of names from `values`, written comma-separated in `values`' order. */
  | {
      readonly type: 'enums';
      readonly values: readonly string[];
      readonly minLength: number;
    };

export interface FieldSchema {
  /** The key in the link, after the union's prefix: `lr` in `sgd.lr`. */
  readonly key: string;
  /** The property of the spec object. */
  readonly prop: string;
  readonly value: ValueType;
  /** May be absent (undefined) in a valid spec; the link writes `auto` for absent. */
  readonly optional?: boolean;
  /** What an absent optional value means, for a form's empty field ("full space"). */
  readonly absent?: string;
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
type FieldExtras = Pick<FieldSchema, 'optional' | 'absent' | 'hint' | 'valueLabels' | 'advanced'>;

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

export interface NestedSchema {
  readonly key: string;
  readonly prop: string;
  readonly union: UnionSchema;
}

const int = (min: number, max: number): ValueType => ({ type: 'number', min, max, integer: true });
const num = (min: number, max: number): ValueType => ({ type: 'number', min, max });
const bool: ValueType = { type: 'boolean' };
const oneOf = (...values: string[]): ValueType => ({ type: 'enum', values });
const field = (
  key: string,
  prop: string,
  value: ValueType,
  label: string,
  extras: FieldExtras = {},
): FieldSchema => ({ key, prop, value, label, ...extras });
const advanced: FieldExtras = { advanced: true };

export const MAX_SEED = 2 ** 31 - 1;
/** Largest sample count of one split (the data are built in the browser). */
const MAX_SAMPLES = 10_000;
const noNested = (): readonly NestedSchema[] => [];

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

export const DATASET_SCHEMA: UnionSchema = {
  noun: 'data set',
  kinds: DATASET_KINDS,
  kindLabels: DATASET_LABELS,
  defaults: (kind) => defaultDatasetSpec(kind as DatasetKind),
  fields(kind) {
    switch (kind as DatasetKind) {
      case 'spiral':
        return [
          TRAIN,
          TEST,
          field('classes', 'classes', int(2, 8), 'Classes'),
          field('turns', 'turns', num(0.25, 5), 'Turns'),
          NOISE,
          LABEL_NOISE,
        ];
      case 'moons':
      case 'xor':
        return [TRAIN, TEST, NOISE];
      case 'circles':
        return [TRAIN, TEST, NOISE, field('factor', 'factor', num(0.05, 0.95), 'Inner radius')];
      case 'randomPatterns':
        return [INPUTS, field('alpha', 'alpha', num(0.01, 10), 'Load α = P/N')];
      case 'teacherStudent':
        return [INPUTS, field('alpha', 'alpha', num(0.01, 20), 'Load α = P/N'), TEST];
      case 'gaussianMixture':
        return [
          TRAIN,
          TEST,
          field('dim', 'dim', int(1, 1000), 'Dimension'),
          field('classes', 'classes', int(2, 20), 'Classes'),
          field('sep', 'separation', num(0, 100), 'Separation', {
            hint: 'Norm of every class mean',
          }),
          field('shift', 'shift', num(-100, 100), 'Shift', {
            hint: 'Added to every input coordinate (0: centred inputs)',
          }),
          LABEL_NOISE,
        ];
      case 'mnist':
        // The bundled file holds 10,000 digits: train + test never exceeds it.
        return [
          field('train', 'train', int(10, 8000), 'Train samples'),
          field('test', 'test', int(10, 2000), 'Test samples'),
          field('small', 'downsample', bool, 'Downsample to 14×14'),
        ];
    }
  },
  nested: noNested,
};

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

export const MODEL_SCHEMA: UnionSchema = {
  noun: 'model',
  kinds: MODEL_KINDS,
  kindLabels: MODEL_LABELS,
  defaults: (kind) => defaultModelSpec(kind as ModelKind),
  fields(kind) {
    switch (kind as ModelKind) {
      case 'mlp':
        return [
          field(
            'hidden',
            'hidden',
            { type: 'numbers', min: 1, max: 512, integer: true, minLength: 0, maxLength: 6 },
            'Hidden widths',
            { hint: 'Comma-separated widths, e.g. 16, 16 (empty: softmax regression)' },
          ),
          field('act', 'activation', oneOf('relu', 'tanh'), 'Activation'),
          INIT_SCALE,
        ];
      case 'softmaxRegression':
        return [INIT_SCALE];
      case 'perceptron':
        return [...SIGN_MODEL, INIT_SCALE];
      case 'committee':
        return [
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
        ];
    }
  },
  nested: noNested,
};

export const LOSS_LABELS: { readonly [K in LossKind]: string } = {
  crossEntropy: 'Cross-entropy',
  mse: 'Mean squared error',
  baldassi: 'Baldassi ℓγ',
};

export const LOSS_SCHEMA: UnionSchema = {
  noun: 'loss',
  kinds: LOSS_KINDS,
  kindLabels: LOSS_LABELS,
  defaults: (kind) => defaultLossSpec(kind as LossKind),
  fields: (kind) =>
    kind === 'baldassi'
      ? [field('gamma', 'gamma', num(1e-3, 1e4), 'γ', { hint: 'Sharpness of the loss' })]
      : [],
  nested: noNested,
};

const LR_SCHEDULE_DEFAULTS: { readonly [K in LrSchedule['kind']]: LrSchedule } = {
  constant: { kind: 'constant' },
  step: { kind: 'step', every: 1000, factor: 0.5 },
  cosine: { kind: 'cosine', total: 1000, minFactor: 0 },
};

export const LR_SCHEDULE_SCHEMA: UnionSchema = {
  noun: 'learning-rate schedule',
  kinds: Object.keys(LR_SCHEDULE_DEFAULTS),
  kindLabels: { constant: 'constant', step: 'steps', cosine: 'cosine' },
  defaults: (kind) => LR_SCHEDULE_DEFAULTS[kind as LrSchedule['kind']],
  fields(kind) {
    switch (kind as LrSchedule['kind']) {
      case 'constant':
        return [];
      case 'step':
        return [
          field('every', 'every', int(1, 1e6), 'η step every (steps)'),
          field('factor', 'factor', num(1e-6, 1), 'η step factor'),
        ];
      case 'cosine':
        return [
          field('total', 'total', int(1, 1e6), 'Cosine length (steps)'),
          field('min', 'minFactor', num(0, 1), 'Final η factor'),
        ];
    }
  },
  nested: noNested,
};

const NORM_SCHEDULE_DEFAULTS: { readonly [K in NormSchedule['kind']]: NormSchedule } = {
  none: { kind: 'none' },
  grow: { kind: 'grow', rate: 1e-3 },
};

export const NORM_SCHEDULE_SCHEMA: UnionSchema = {
  noun: 'norm schedule',
  kinds: Object.keys(NORM_SCHEDULE_DEFAULTS),
  kindLabels: { none: 'none', grow: 'growing' },
  defaults: (kind) => NORM_SCHEDULE_DEFAULTS[kind as NormSchedule['kind']],
  fields: (kind) =>
    kind === 'grow'
      ? [
          field('rate', 'rate', num(0, 1), 'Norm growth rate', {
            hint: '‖w‖ = n0 (1 + rate)^t after step t',
          }),
          field('n0', 'n0', num(1e-6, 1e6), 'Initial norm n0', {
            optional: true,
            absent: '‖w₀‖',
            hint: 'Empty: the norm of the initial weights',
          }),
        ]
      : [],
  nested: noNested,
};

const LR = field('lr', 'lr', num(1e-6, 100), 'Learning rate η');
const BATCH = field('bs', 'batchSize', int(1, 100_000), 'Batch');
const MOMENTUM = field('mom', 'momentum', num(0, 0.999), 'Momentum');
const NESTEROV = field('nesterov', 'nesterov', bool, 'Nesterov', {
  ...advanced,
  hint: 'Needs momentum > 0',
});
const DECAY = field('wd', 'weightDecay', num(0, 10), 'Weight decay λ', advanced);
const SGD_HYPER = [LR, BATCH, MOMENTUM, NESTEROV, DECAY];
const LR_SCHEDULE: NestedSchema = { key: 'lrs', prop: 'lrSchedule', union: LR_SCHEDULE_SCHEMA };

/** Human names for the menus and legends. */
export const OPTIMIZER_LABELS: { readonly [K in OptimizerKind]: string } = {
  sgd: 'SGD',
  entropySgd: 'Entropy-SGD',
  replicatedSgd: 'Replicated-SGD',
  sam: 'SAM',
  adam: 'Adam',
};

export const OPTIMIZER_KINDS = Object.keys(OPTIMIZER_DEFAULTS) as readonly OptimizerKind[];

export const OPTIMIZER_SCHEMA: UnionSchema = {
  noun: 'optimizer',
  kinds: OPTIMIZER_KINDS,
  kindLabels: OPTIMIZER_LABELS,
  defaults: (kind) => OPTIMIZER_DEFAULTS[kind as OptimizerKind],
  fields(kind) {
    switch (kind as OptimizerKind) {
      case 'sgd':
        return SGD_HYPER;
      case 'entropySgd':
        return [
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
        ];
      case 'replicatedSgd':
        return [
          ...SGD_HYPER,
          field('y', 'replicas', int(1, 15), 'Replicas y'),
          field('g0', 'g0', num(0, 1e6), 'Coupling g0', { hint: 'Keep 2ηg0 < 1 and g0 ≤ gmax' }),
          field('g1', 'g1', num(0, 10), 'Coupling growth g1', {
            ...advanced,
            hint: 'gt = g0 (1 + g1)^t',
          }),
          field('gmax', 'gMax', num(0, 1e8), 'Coupling cap gmax', advanced),
        ];
      case 'sam':
        return [...SGD_HYPER, field('rho', 'rho', num(0, 10), 'Radius ρ')];
      case 'adam':
        return [
          LR,
          BATCH,
          field('b1', 'beta1', num(0, 0.9999), 'β1', advanced),
          field('b2', 'beta2', num(0, 0.999999), 'β2', advanced),
          field('eps', 'epsilon', num(1e-12, 1), 'ε', advanced),
          DECAY,
        ];
    }
  },
  nested: (kind) =>
    kind === 'sgd'
      ? [LR_SCHEDULE, { key: 'norm', prop: 'normSchedule', union: NORM_SCHEDULE_SCHEMA }]
      : [LR_SCHEDULE],
};

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

/** Run-level fields (`<id>.label` is text, checked by `RUN_LABEL`). */
export const SEED_OFFSET_FIELD = field('seed', 'seedOffset', int(0, 1_000_000), 'Seed offset', {
  hint: "Added to the experiment seed for this run's minibatches, noise and hyperplane",
});
export const MAX_RUNS = 12;
export const MAX_LABEL = 40;
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

/** Relative sizes (σ, d) of the flatness measures: 1…16 of them in [1e-4, 10]. */
const SIZES: ValueType = { type: 'numbers', min: 1e-4, max: 10, minLength: 1, maxLength: 16 };

/** The analysis group (`an.*`). */
export const ANALYSIS_FIELDS = {
  every: field('every', 'every', int(0, 100_000), 'Analyse every (ticks, 0 = on request)'),
  spectrum: field('spectrum', 'spectrum', oneOf('auto', 'exact', 'slq', 'off'), 'Spectrum', {
    valueLabels: { slq: 'SLQ density' },
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

/** Does `value` satisfy `type` exactly (no clamping)? */
export function isValidValue(value: unknown, type: ValueType): boolean {
  switch (type.type) {
    case 'number':
      return (
        typeof value === 'number' &&
        Number.isFinite(value) &&
        value >= type.min &&
        value <= type.max &&
        (!type.integer || Number.isInteger(value)) &&
        (!type.odd || Math.abs(value % 2) === 1)
      );
    case 'boolean':
      return typeof value === 'boolean';
    case 'enum':
      return typeof value === 'string' && type.values.includes(value);
    case 'numbers':
      return (
        Array.isArray(value) &&
        value.length >= type.minLength &&
        value.length <= type.maxLength &&
        value.every((x) =>
          isValidValue(x, { type: 'number', min: type.min, max: type.max, integer: type.integer }),
        )
      );
    case 'enums':
      return (
        Array.isArray(value) &&
        value.length >= type.minLength &&
        value.every(
          (x, i) => typeof x === 'string' && type.values.includes(x) && value.indexOf(x) === i,
        )
      );
  }
}

/** May `f` hold `value`: absent when optional, else a value of its type, exactly? */
export function isValidFieldValue(f: FieldSchema, value: unknown): boolean {
  return (f.optional === true && value === undefined) || isValidValue(value, f.value);
}
