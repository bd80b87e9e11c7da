/**
 * Seeded random valid ExperimentSpecs and presentations, for the permalink's property tests.
 * Values are drawn from the full ranges of `specSchema` (arbitrary doubles, not only round ones),
 * run labels from awkward text (URL metacharacters, non-ASCII).
 */
import type { AnalysisSpec, ExperimentSpec, RunSpec } from '../experimentSpec';
import { COPY_FIELDS, HYPERPLANE_FIELD } from '../runVariants';
import { SPEC_VERSION } from '../experimentSpec';
import { PANEL_IDS, type PanelId, type Presentation } from '../presentation';
import { ANALYSIS_LAYOUT, type ObjectLayout } from '../specLayout';
import {
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
      case 'text':
        return this.label().slice(0, type.maxLength);
      case 'id': {
        let id = this.runId();
        while (RESERVED_IDS.has(id)) id = this.runId();
        return id;
      }
    }
  }

  /** An object of `layout`: every field drawn, each switchable group off one time in five. */
  object(layout: ObjectLayout): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const f of layout.fields) {
      if (!(f.optional && this.chance(0.5))) out[f.prop] = this.value(f.value);
    }
    for (const n of layout.unions) out[n.prop] = this.union(n.union);
    for (const g of layout.groups) {
      if (this.chance(0.2)) {
        if (g.offIs === 'null') out[g.prop] = null;
        continue;
      }
      const group: Record<string, unknown> = g.head
        ? { [g.head.prop]: this.value(g.head.value) }
        : {};
      for (const f of g.fields) group[f.prop] = this.value(f.value);
      out[g.prop] = group;
    }
    return out;
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
    return this.object(ANALYSIS_LAYOUT) as unknown as AnalysisSpec;
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
