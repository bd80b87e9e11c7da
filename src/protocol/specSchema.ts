/**
 * The ExperimentSpec's fields as data: for every union (data set, model, loss, optimizer and its
 * schedules) the short URL key of each field, its type and its allowed range. The permalink codec
 * (encode, decode, clamp) and the spec checker (`validateSpec`) both read this one table, so the
 * link and the checker cannot disagree about what a valid value is.
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
  /** What a form calls the field (the key when absent). */
  readonly label?: string;
}

/** A discriminated union on `kind`: its kinds, each kind's defaults, fields and nested unions. */
export interface UnionSchema {
  /** What the union is called in corrections ("data set", "model", …). */
  readonly noun: string;
  readonly kinds: readonly string[];
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
const field = (key: string, prop: string, value: ValueType, optional = false): FieldSchema =>
  optional ? { key, prop, value, optional } : { key, prop, value };

export const MAX_SEED = 2 ** 31 - 1;
/** Largest sample count of one split (the data are built in the browser). */
const MAX_SAMPLES = 10_000;
const noNested = (): readonly NestedSchema[] => [];

const NOISE = field('noise', 'noise', num(0, 2));
const TRAIN = field('train', 'train', int(10, MAX_SAMPLES));
const TEST = field('test', 'test', int(10, MAX_SAMPLES));
const LABEL_NOISE = field('flip', 'labelNoise', num(0, 1));

export const DATASET_SCHEMA: UnionSchema = {
  noun: 'data set',
  kinds: DATASET_KINDS,
  defaults: (kind) => defaultDatasetSpec(kind as DatasetKind),
  fields(kind) {
    switch (kind as DatasetKind) {
      case 'spiral':
        return [
          TRAIN,
          TEST,
          field('classes', 'classes', int(2, 8)),
          field('turns', 'turns', num(0.25, 5)),
          NOISE,
          LABEL_NOISE,
        ];
      case 'moons':
      case 'xor':
        return [TRAIN, TEST, NOISE];
      case 'circles':
        return [TRAIN, TEST, NOISE, field('factor', 'factor', num(0.05, 0.95))];
      case 'randomPatterns':
        return [field('n', 'n', int(3, 2001)), field('alpha', 'alpha', num(0.01, 10))];
      case 'teacherStudent':
        return [field('n', 'n', int(3, 2001)), field('alpha', 'alpha', num(0.01, 20)), TEST];
      case 'gaussianMixture':
        return [
          TRAIN,
          TEST,
          field('dim', 'dim', int(1, 1000)),
          field('classes', 'classes', int(2, 20)),
          field('sep', 'separation', num(0, 100)),
          field('shift', 'shift', num(-100, 100)),
          LABEL_NOISE,
        ];
      case 'mnist':
        // The bundled file holds 10,000 digits: train + test never exceeds it.
        return [
          field('train', 'train', int(10, 8000)),
          field('test', 'test', int(10, 2000)),
          field('small', 'downsample', bool),
        ];
    }
  },
  nested: noNested,
};

const INIT_SCALE = field('r', 'initScale', num(0, 100));
const SIGN_MODEL = [
  field('norm', 'norm', oneOf('spherical', 'free')),
  field('field', 'field', oneOf('normalized', 'raw')),
];

export const MODEL_SCHEMA: UnionSchema = {
  noun: 'model',
  kinds: MODEL_KINDS,
  defaults: (kind) => defaultModelSpec(kind as ModelKind),
  fields(kind) {
    switch (kind as ModelKind) {
      case 'mlp':
        return [
          field('hidden', 'hidden', {
            type: 'numbers',
            min: 1,
            max: 512,
            integer: true,
            minLength: 0,
            maxLength: 6,
          }),
          field('act', 'activation', oneOf('relu', 'tanh')),
          INIT_SCALE,
        ];
      case 'softmaxRegression':
        return [INIT_SCALE];
      case 'perceptron':
        return [...SIGN_MODEL, INIT_SCALE];
      case 'committee':
        return [
          field('k', 'hidden', { type: 'number', min: 1, max: 99, integer: true, odd: true }),
          field('tree', 'tree', bool),
          field('act', 'activation', oneOf('tanh', 'relu')),
          ...SIGN_MODEL,
          INIT_SCALE,
        ];
    }
  },
  nested: noNested,
};

export const LOSS_SCHEMA: UnionSchema = {
  noun: 'loss',
  kinds: LOSS_KINDS,
  defaults: (kind) => defaultLossSpec(kind as LossKind),
  fields: (kind) => (kind === 'baldassi' ? [field('gamma', 'gamma', num(1e-3, 1e4))] : []),
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
  defaults: (kind) => LR_SCHEDULE_DEFAULTS[kind as LrSchedule['kind']],
  fields(kind) {
    switch (kind as LrSchedule['kind']) {
      case 'constant':
        return [];
      case 'step':
        return [field('every', 'every', int(1, 1e6)), field('factor', 'factor', num(1e-6, 1))];
      case 'cosine':
        return [field('total', 'total', int(1, 1e6)), field('min', 'minFactor', num(0, 1))];
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
  defaults: (kind) => NORM_SCHEDULE_DEFAULTS[kind as NormSchedule['kind']],
  fields: (kind) =>
    kind === 'grow'
      ? [field('rate', 'rate', num(0, 1)), field('n0', 'n0', num(1e-6, 1e6), true)]
      : [],
  nested: noNested,
};

const LR = field('lr', 'lr', num(1e-6, 100));
const BATCH = field('bs', 'batchSize', int(1, 100_000));
const MOMENTUM = field('mom', 'momentum', num(0, 0.999));
const NESTEROV = field('nesterov', 'nesterov', bool);
const DECAY = field('wd', 'weightDecay', num(0, 10));
const SGD_HYPER = [LR, BATCH, MOMENTUM, NESTEROV, DECAY];
const LR_SCHEDULE: NestedSchema = { key: 'lrs', prop: 'lrSchedule', union: LR_SCHEDULE_SCHEMA };

export const OPTIMIZER_SCHEMA: UnionSchema = {
  noun: 'optimizer',
  kinds: Object.keys(OPTIMIZER_DEFAULTS),
  defaults: (kind) => OPTIMIZER_DEFAULTS[kind as OptimizerKind],
  fields(kind) {
    switch (kind as OptimizerKind) {
      case 'sgd':
        return SGD_HYPER;
      case 'entropySgd':
        return [
          field('variant', 'variant', oneOf('chaudhari2017', 'scaled')),
          LR,
          MOMENTUM,
          NESTEROV,
          field('L', 'L', int(1, 1000)),
          field('ilr', 'innerLr', num(1e-6, 100)),
          field('imom', 'innerMomentum', num(0, 0.999)),
          field('noise', 'noise', num(0, 10)),
          field('g0', 'gamma0', num(1e-8, 1e6)),
          field('g1', 'gamma1', num(0, 10)),
          field('gmax', 'gammaMax', num(1e-8, 1e8)),
          field('alpha', 'alpha', num(0, 0.999)),
          BATCH,
        ];
      case 'replicatedSgd':
        return [
          ...SGD_HYPER,
          field('y', 'replicas', int(1, 15)),
          field('g0', 'g0', num(0, 1e6)),
          field('g1', 'g1', num(0, 10)),
          field('gmax', 'gMax', num(0, 1e8)),
        ];
      case 'sam':
        return [...SGD_HYPER, field('rho', 'rho', num(0, 10))];
      case 'adam':
        return [
          LR,
          BATCH,
          field('b1', 'beta1', num(0, 0.9999)),
          field('b2', 'beta2', num(0, 0.999999)),
          field('eps', 'epsilon', num(1e-12, 1)),
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
export const SEED_FIELD = field('seed', 'seed', int(0, MAX_SEED));
export const TICK_FIELD = field('tick', 'tickGradEvals', int(1, 10_000));
export const BUDGET_FIELD = field('budget', 'budget', int(0, 10_000_000));

/** Run-level fields (`<id>.label` is text, checked by `RUN_LABEL`). */
export const SEED_OFFSET_FIELD = field('seed', 'seedOffset', int(0, 1_000_000));
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

/** The analysis group (`an.*`). */
export const ANALYSIS_FIELDS = {
  every: field('every', 'every', int(0, 100_000)),
  spectrum: field('spectrum', 'spectrum', oneOf('off', 'auto', 'exact', 'slq')),
  wait: field('wait', 'wait', bool),
  extent: field('extent', 'extent', num(1e-3, 1000)),
  resolution: field('res', 'resolution', int(5, 201)),
  sigmas: field('sigmas', 'sigmas', {
    type: 'numbers',
    min: 1e-4,
    max: 10,
    minLength: 1,
    maxLength: 16,
  }),
  radii: field('radii', 'radii', {
    type: 'numbers',
    min: 1e-4,
    max: 10,
    minLength: 1,
    maxLength: 16,
  }),
  draws: field('draws', 'draws', int(1, 1000)),
  tolerance: field('tol', 'tolerance', num(0, 1)),
} as const;

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
