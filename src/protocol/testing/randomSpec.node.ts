/**
 * Seeded random valid ExperimentSpecs and presentations, for the permalink's property tests.
 * Values are drawn from the full ranges of `specSchema` (arbitrary doubles, not only round ones),
 * run labels from awkward text (URL metacharacters, non-ASCII).
 */
import { PLANE_KINDS } from '../analysis';
import type { AnalysisSpec, ExperimentSpec, RunSpec } from '../experimentSpec';
import { COPY_FIELDS, HYPERPLANE_FIELD } from '../runVariants';
import { SPEC_VERSION } from '../experimentSpec';
import { PANEL_IDS, type PanelId, type Presentation } from '../presentation';
import {
  ANALYSIS_FIELDS,
  DATASET_SCHEMA,
  LOSS_SCHEMA,
  MAX_SEED,
  MODEL_SCHEMA,
  OPTIMIZER_SCHEMA,
  RESERVED_IDS,
  type FieldSchema,
  type UnionSchema,
  type ValueType,
} from '../specSchema';
import { lossConflict, modelConflict, optimizerProblems } from '../validateSpec';
import type { DatasetSpec } from '../../core/data/datasetSpec';
import type { LossSpec } from '../../core/losses/lossSpec';
import type { ModelSpec } from '../../core/models/modelSpec';
import type { OptimizerSpec } from '../../core/optimizers/optimizerSpec';

/** mulberry32: a tiny seeded PRNG, uniform on [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class SpecGenerator {
  constructor(readonly random: () => number) {}

  int(lo: number, hi: number): number {
    return lo + Math.floor(this.random() * (hi - lo + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)] as T;
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  /** A number in [min, max]: often a bound or a round value, else log- or linearly uniform. */
  number(min: number, max: number, integer = false): number {
    const r = this.random();
    let x: number;
    if (r < 0.1) x = min;
    else if (r < 0.2) x = max;
    else if (min > 0 && max / min > 100) {
      x = Math.exp(Math.log(min) + this.random() * (Math.log(max) - Math.log(min)));
    } else x = min + this.random() * (max - min);
    if (this.chance(0.3) && !integer) x = Number(x.toPrecision(2));
    if (integer) x = Math.round(x);
    return Math.min(max, Math.max(min, x));
  }

  value(type: ValueType): unknown {
    switch (type.type) {
      case 'number': {
        // Integers: keep sizes modest most of the time (the generator is also used for encodes).
        const hi = type.integer && this.chance(0.8) ? Math.min(type.max, type.min + 50) : type.max;
        let x = this.number(type.min, hi, type.integer === true);
        if (type.odd && x % 2 === 0) x = x + 1 <= type.max ? x + 1 : x - 1;
        return x;
      }
      case 'boolean':
        return this.chance(0.5);
      case 'enum':
        return this.pick(type.values);
      case 'numbers': {
        const n = this.int(type.minLength, Math.min(type.maxLength, type.minLength + 4));
        const hi = type.integer ? Math.min(type.max, 64) : type.max;
        return Array.from({ length: n }, () => this.number(type.min, hi, type.integer === true));
      }
      case 'enums': {
        const on = type.values.filter(() => this.chance(0.5));
        return on.length >= type.minLength ? on : type.values.slice(0, type.minLength);
      }
    }
  }

  union<T>(schema: UnionSchema, kind?: string): T {
    const k = kind ?? this.pick(schema.kinds);
    const out: Record<string, unknown> = { ...schema.defaults(k) };
    const fields: readonly FieldSchema[] = schema.fields(k);
    for (const f of fields) {
      if (this.chance(0.3)) continue; // keep the default
      if (f.optional && this.chance(0.5)) delete out[f.prop];
      else out[f.prop] = this.value(f.value);
    }
    for (const n of schema.nested(k)) out[n.prop] = this.union(n.union);
    return out as T;
  }

  label(): string {
    const pieces = [
      'SGD',
      'run',
      ' ',
      '&',
      '=',
      '#',
      '%',
      '+',
      ',',
      'é',
      'γ',
      '→',
      '🙂',
      '.',
      '?',
      '/',
    ];
    const n = this.int(1, 10);
    let s = '';
    for (let i = 0; i < n; i++) s += this.pick(pieces);
    s = s.trim();
    return s === '' ? 'x' : s.slice(0, 40);
  }

  runId(): string {
    const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const rest = `${letters}0123456789_-`;
    let id = this.pick([...letters]);
    const n = this.int(0, 7);
    for (let i = 0; i < n; i++) id += this.pick([...rest]);
    return id;
  }

  optimizer(): OptimizerSpec {
    for (let attempt = 0; attempt < 40; attempt++) {
      const spec = this.union<OptimizerSpec>(OPTIMIZER_SCHEMA);
      if (optimizerProblems(spec, 'x').length === 0) return spec;
    }
    return OPTIMIZER_SCHEMA.defaults('sgd') as OptimizerSpec;
  }

  runs(): RunSpec[] {
    const n = this.int(1, 4);
    const runs: RunSpec[] = [];
    while (runs.length < n) {
      const id = this.chance(0.3)
        ? this.pick(['sgd', 'esgd', 'rsgd', 'sam', 'small', 'large'])
        : this.runId();
      if (RESERVED_IDS.has(id) || runs.some((r) => r.id === id)) continue;
      runs.push({
        id,
        label: this.chance(0.3) ? id : this.label(),
        optimizer: this.optimizer(),
        seedOffset: this.chance(0.5) ? 0 : this.int(0, 1_000_000),
      });
    }
    return runs;
  }

  /** Some runs train in a hyperplane; with a ReLU MLP, some later runs copy an earlier one. */
  variants(runs: readonly RunSpec[], model: ModelSpec): RunSpec[] {
    const spherical =
      (model.kind === 'perceptron' || model.kind === 'committee') && model.norm === 'spherical';
    const relu = model.kind === 'mlp' && model.activation === 'relu' ? model.hidden.length : 0;
    const out: RunSpec[] = [];
    for (const run of runs) {
      const sources = out.filter((r) => !r.copy);
      if (relu > 0 && sources.length > 0 && this.chance(0.3)) {
        const copy = {
          of: this.pick(sources).id,
          layer: this.int(1, Math.min(6, relu)),
          factor: this.value(COPY_FIELDS.factor.value) as number,
        };
        out.push({ ...run, copy });
      } else if (
        !spherical &&
        !(run.optimizer.kind === 'sgd' && run.optimizer.normSchedule.kind !== 'none') &&
        this.chance(0.2)
      ) {
        out.push({ ...run, hyperplane: this.value(HYPERPLANE_FIELD.value) as number });
      } else out.push(run);
    }
    return out;
  }

  analysis(): AnalysisSpec {
    return {
      every: this.value(ANALYSIS_FIELDS.every.value) as number,
      wait: this.chance(0.5),
      spectrum: this.value(ANALYSIS_FIELDS.spectrum.value) as AnalysisSpec['spectrum'],
      slice: this.chance(0.2)
        ? null
        : {
            plane: this.pick(PLANE_KINDS),
            extent: this.value(ANALYSIS_FIELDS.extent.value) as number,
            resolution: this.value(ANALYSIS_FIELDS.resolution.value) as number,
          },
      flatness: this.chance(0.2)
        ? null
        : {
            sigmas: this.value(ANALYSIS_FIELDS.sigmas.value) as number[],
            radii: this.value(ANALYSIS_FIELDS.radii.value) as number[],
            draws: this.value(ANALYSIS_FIELDS.draws.value) as number,
            tolerance: this.value(ANALYSIS_FIELDS.tolerance.value) as number,
          },
    };
  }

  spec(): ExperimentSpec {
    const dataset = this.union<DatasetSpec>(DATASET_SCHEMA);
    let model = this.union<ModelSpec>(MODEL_SCHEMA);
    for (let i = 0; i < 20 && modelConflict(model, dataset); i++) {
      model = this.union<ModelSpec>(MODEL_SCHEMA);
    }
    if (modelConflict(model, dataset)) model = MODEL_SCHEMA.defaults('mlp') as ModelSpec;
    let loss = this.union<LossSpec>(LOSS_SCHEMA);
    for (let i = 0; i < 20 && lossConflict(loss, dataset); i++)
      loss = this.union<LossSpec>(LOSS_SCHEMA);
    if (lossConflict(loss, dataset)) loss = LOSS_SCHEMA.defaults('mse') as LossSpec;
    return {
      version: SPEC_VERSION,
      seed: this.chance(0.3) ? this.int(0, 100) : this.int(0, MAX_SEED),
      dataset,
      model,
      loss,
      runs: this.variants(this.runs(), model),
      tickGradEvals: this.int(1, 50),
      budget: this.int(0, 2000),
      analysis: this.analysis(),
    };
  }

  presentation(): Presentation {
    const hide: PanelId[] = PANEL_IDS.filter(() => this.chance(0.2));
    return {
      lecture: this.chance(0.3),
      embed: this.chance(0.2),
      lock: this.chance(0.2),
      hide,
      focus: this.chance(0.2) ? this.pick(PANEL_IDS) : null,
    };
  }
}
