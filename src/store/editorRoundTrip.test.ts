/**
 * What the editor accepts, the link keeps: for every field the editor draws from the schema, on
 * specs of every data set, model and optimizer kind, the values that field accepts (its bounds,
 * and random values by its min/max/integer/odd/list rules) are set through the same edit
 * functions and `applyEdit` the editor's actions call, and the resulting spec must come back from
 * its link unchanged and without a correction.
 */
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { defaultExperimentSpec } from '../protocol/defaultExperiment';
import type { ExperimentSpec } from '../protocol/experimentSpec';
import { sameValue } from '../protocol/linkValues';
import { decodePermalink, encodePermalink } from '../protocol/permalink';
import { CATALOG, PRESETS } from '../presets';
import { COPY_FIELDS } from '../protocol/runVariants';
import {
  DATASET_SCHEMA,
  LOSS_SCHEMA,
  MODEL_SCHEMA,
  OPTIMIZER_KINDS,
  OPTIMIZER_SCHEMA,
  type FieldSchema,
  type ValueType,
} from '../protocol/specSchema';
import { ANALYSIS_LAYOUT, RUN_LAYOUT, TOP_LAYOUT } from '../protocol/specLayout';
import { SpecGenerator, seededRandom } from '../protocol/testing/randomSpec.node';
import { repairSpec } from '../protocol/repairSpec';
import { EXPERIMENT_SPEC_SCHEMA } from '../protocol/validateSpec';
import { isValidFieldValue } from '../protocol/zodFromTable';
import {
  applyEdit,
  patchAnalysis,
  withCopyAdded,
  withDatasetKind,
  withDatasetParams,
  withEntropySgdVariant,
  withField,
  withLossParams,
  withModelKind,
  withModelParams,
  withRunAdded,
  withRunUpdated,
  withTopField,
  type DatasetKind,
  type EntropySgdVariant,
  type ModelKind,
} from './specEdits';

type Bag = Readonly<Record<string, unknown>>;
const bag = (x: unknown): Bag => x as Bag;
const base = defaultExperimentSpec();

/** One field as the editor shows it on `spec`: where its value lives and the edit it commits. */
interface EditorField {
  readonly name: string;
  readonly field: FieldSchema;
  readonly read: (spec: ExperimentSpec) => unknown;
  readonly edit: (spec: ExperimentSpec, value: unknown) => ExperimentSpec;
}

/** The fields the editor (ExperimentEditor, RunsEditor, the slice panel) draws for `spec`. */
function editorFields(spec: ExperimentSpec): EditorField[] {
  const out: EditorField[] = [];
  const union = (
    name: string,
    fields: readonly FieldSchema[],
    read: (s: ExperimentSpec) => Bag,
    edit: (s: ExperimentSpec, prop: string, v: unknown) => ExperimentSpec,
  ) => {
    for (const field of fields) {
      out.push({
        name: `${name}.${field.key}`,
        field,
        read: (s) => read(s)[field.prop],
        edit: (s, v) => edit(s, field.prop, v),
      });
    }
  };
  union(
    'data',
    DATASET_SCHEMA.fields(spec.dataset.kind),
    (s) => bag(s.dataset),
    (s, p, v) => withDatasetParams(s, { [p]: v }),
  );
  union(
    'model',
    MODEL_SCHEMA.fields(spec.model.kind),
    (s) => bag(s.model),
    (s, p, v) => withModelParams(s, { [p]: v }),
  );
  union(
    'loss',
    LOSS_SCHEMA.fields(spec.loss.kind),
    (s) => bag(s.loss),
    (s, p, v) => withLossParams(s, { [p]: v }),
  );
  spec.runs.forEach((run, i) => {
    const id = run.id;
    const at = (s: ExperimentSpec) => s.runs[i]!;
    if (run.copy) {
      union(
        `${id}.copy`,
        [COPY_FIELDS.factor, COPY_FIELDS.layer],
        (s) => bag(at(s).copy),
        (s, p, v) => withRunUpdated(s, id, { copy: { [p]: v } }),
      );
      return;
    }
    const kind = run.optimizer.kind;
    union(
      id,
      OPTIMIZER_SCHEMA.fields(kind),
      (s) => bag(at(s).optimizer),
      (s, p, v) =>
        p === 'variant'
          ? withEntropySgdVariant(s, id, v as EntropySgdVariant)
          : withRunUpdated(s, id, { optimizer: { [p]: v } }),
    );
    for (const n of OPTIMIZER_SCHEMA.nested(kind)) {
      const nested = (s: ExperimentSpec) => bag(bag(at(s).optimizer)[n.prop]);
      const kindOf = nested(spec).kind as string;
      union(`${id}.${n.key}`, n.union.fields(kindOf), nested, (s, p, v) =>
        withRunUpdated(s, id, { optimizer: { [n.prop]: withField(nested(s), p, v) } }),
      );
    }
    union(
      id,
      RUN_LAYOUT.fields,
      (s) => bag(at(s)),
      (s, p, v) =>
        withRunUpdated(
          s,
          id,
          p === 'hyperplane' ? { hyperplane: (v as number | undefined) ?? null } : { [p]: v },
        ),
    );
  });
  for (const f of TOP_LAYOUT.fields) {
    out.push({
      name: f.key,
      field: f,
      read: (s) => bag(s)[f.prop],
      edit: (s, v) => withTopField(s, f, v),
    });
  }
  const analysis = (patch: Parameters<typeof patchAnalysis>[1]) => (s: ExperimentSpec) => ({
    ...s,
    analysis: patchAnalysis(s.analysis, patch),
  });
  union(
    'an',
    ANALYSIS_LAYOUT.fields,
    (s) => bag(s.analysis),
    (s, p, v) => analysis({ [p]: v })(s),
  );
  for (const g of ANALYSIS_LAYOUT.groups) {
    if (!spec.analysis[g.prop]) continue;
    union(
      'an',
      g.fields,
      (s) => bag(s.analysis[g.prop]),
      (s, p, v) => analysis({ [g.prop]: { [p]: v } })(s),
    );
  }
  return out;
}

/** The bounds of `type` the field accepts (odd ones for an odd field), as test values. */
function extremes(type: ValueType): unknown[] {
  switch (type.type) {
    case 'number': {
      const odd = (x: number, inward: number) => (type.odd && x % 2 === 0 ? x + inward : x);
      return [odd(type.min, 1), odd(type.max, -1)];
    }
    case 'boolean':
      return [false, true];
    case 'enum':
      return [...type.values];
    case 'numbers':
      return [
        Array.from({ length: type.minLength }, () => type.min),
        Array.from({ length: type.maxLength }, () => type.max),
        Array.from({ length: Math.max(1, type.minLength) }, () => type.max),
      ];
    case 'enums':
      return [type.values.slice(0, type.minLength), [...type.values]];
    case 'text':
      return ['x', 'é'.repeat(type.maxLength)];
    case 'id':
      return ['a', `b${'_'.repeat(15)}`];
  }
}

/** The spec the editor holds after `edits` from `start` (each must be accepted). */
function edited(start: ExperimentSpec, ...edits: ((s: ExperimentSpec) => ExperimentSpec)[]) {
  return edits.reduce((spec, change) => {
    const result = applyEdit(spec, change);
    if (!result.ok) throw new Error(result.problems.join('; '));
    return result.spec;
  }, start);
}

/** Specs with every data set, model and optimizer kind, a copy run, and the presets. */
function kindBases(): ExperimentSpec[] {
  const allRuns = OPTIMIZER_KINDS.reduce((s, kind) => withRunAdded(s, kind), base);
  const specs: ExperimentSpec[] = [edited(allRuns, (s) => withCopyAdded(s, 'sgd'))];
  for (const kind of DATASET_SCHEMA.kinds) {
    specs.push(edited(base, (s) => withDatasetKind(s, kind as DatasetKind)));
  }
  const sign = edited(base, (s) => withDatasetKind(s, 'randomPatterns'));
  for (const kind of MODEL_SCHEMA.kinds) {
    specs.push(edited(sign, (s) => withModelKind(s, kind as ModelKind)));
  }
  return [...specs, ...PRESETS.map((p) => p.spec)];
}

/** Equal as JSON documents (absent and undefined alike, key order aside), as `toEqual` compares. */
function sameSpec(a: ExperimentSpec, b: ExperimentSpec): boolean {
  return isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));
}

function roundTrip(spec: ExperimentSpec) {
  return decodePermalink(encodePermalink({ spec, backend: 'auto' }, base, CATALOG), base, CATALOG);
}

describe('every value an editor field accepts survives the link', () => {
  it('the schema, which the editor draws, names every property of every kind', () => {
    const unions = [
      DATASET_SCHEMA,
      MODEL_SCHEMA,
      LOSS_SCHEMA,
      OPTIMIZER_SCHEMA,
      ...OPTIMIZER_SCHEMA.nested('sgd').map((n) => n.union),
    ];
    for (const union of unions) {
      for (const kind of union.kinds) {
        const props = [
          ...union.fields(kind).map((f) => f.prop),
          ...union.nested(kind).map((n) => n.prop),
        ];
        const required = union.fields(kind).filter((f) => !f.optional);
        expect(Object.keys(union.defaults(kind)).sort(), kind).toEqual(
          ['kind', ...required.map((f) => f.prop), ...union.nested(kind).map((n) => n.prop)].sort(),
        );
        expect(new Set(props).size, kind).toBe(props.length);
      }
    }
  });

  it('on every kind, the presets and random specs: unchanged and without a correction', () => {
    const gen = new SpecGenerator(seededRandom(17));
    const bases = [...kindBases(), ...Array.from({ length: 12 }, () => gen.spec())];
    const accepted = new Map<string, number>();
    const failures: string[] = [];
    let tried = 0;
    for (const start of bases) {
      const link = encodePermalink({ spec: start, backend: 'auto' }, base, CATALOG);
      for (const f of editorFields(start)) {
        const values = [
          ...extremes(f.field.value),
          ...Array.from({ length: 3 }, () => gen.value(f.field.value)),
        ];
        if (f.field.optional) values.push(undefined);
        for (const value of values) {
          tried++;
          const fail = (why: string) =>
            failures.push(`${f.name} = ${JSON.stringify(value)} on ${link}: ${why}`);
          // The field's own rule (SchemaField commits only these), so the generator is honest.
          if (!isValidFieldValue(f.field, value)) fail('not a value the field accepts');
          const result = applyEdit(start, (s) => f.edit(s, value));
          if (!result.ok) {
            // Refused for a rule across fields (η'γ0 < 1, γmax ≥ γ0, …: a refinement's issue),
            // never for its range.
            const asked = repairSpec(f.edit(start, value), start).spec;
            const issues = EXPERIMENT_SPEC_SCHEMA.safeParse(asked).error?.issues ?? [];
            if (issues.length === 0 || issues.some((i) => i.code !== 'custom')) {
              fail(`refused for its range: ${result.problems.join('; ')}`);
            }
            continue;
          }
          // Kept as typed, unless a repair said why not (a tree committee whose K does not divide N).
          if (result.notes.length === 0 && !sameValue(f.read(result.spec), value)) {
            fail(`the editor holds ${JSON.stringify(f.read(result.spec))}`);
          }
          const back = roundTrip(result.spec);
          if (back.corrections.length > 0) fail(`corrected: ${back.corrections.join(' ')}`);
          else if (!sameSpec(back.spec, result.spec)) {
            fail(`the link reads ${JSON.stringify(back.spec)}`);
          }
          accepted.set(f.name, (accepted.get(f.name) ?? 0) + 1);
        }
      }
    }
    expect(failures.slice(0, 10)).toEqual([]);
    expect(tried).toBeGreaterThan(5000);
    // Every field kind was reached and accepted something.
    for (const name of ['data.classes', 'data.small', 'model.k', 'model.hidden', 'esgd.g0']) {
      expect(accepted.get(name), name).toBeGreaterThan(0);
    }
  });

  it('the five values the editor used to accept and the link changed', () => {
    const field = (fields: readonly FieldSchema[], prop: string) =>
      fields.find((f) => f.prop === prop)!;
    const spiral = DATASET_SCHEMA.fields('spiral');
    // Train samples 60,000 → 10,000; test samples 0 → 10; classes 10 → 8 (spiral).
    expect(isValidFieldValue(field(spiral, 'train'), 60_000)).toBe(false);
    expect(isValidFieldValue(field(spiral, 'test'), 0)).toBe(false);
    expect(isValidFieldValue(field(spiral, 'classes'), 10)).toBe(false);
    const sizes = edited(base, (s) =>
      withDatasetParams(s, { train: 10_000, test: 10, classes: 8 }),
    );
    expect(roundTrip(sizes)).toMatchObject({ spec: sizes, corrections: [] });
    // MNIST's own range: train + test within the 10,000 bundled digits.
    expect(field(DATASET_SCHEMA.fields('mnist'), 'train').value).toMatchObject({ max: 8000 });

    // Entropy-SGD γ0 0 → 1e-8: out of the field's range.
    const gamma0 = field(OPTIMIZER_SCHEMA.fields('entropySgd'), 'gamma0');
    expect(isValidFieldValue(gamma0, 0)).toBe(false);
    // γ0 10,000 → 0.03: in range, but η'γ0 = 1,000 ≥ 1 — the editor refuses it and says why…
    const esgd = base.runs.find((r) => r.optimizer.kind === 'entropySgd')!.id;
    const refused = applyEdit(base, (s) => withRunUpdated(s, esgd, { optimizer: { gamma0: 1e4 } }));
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.problems.join(' ')).toMatch(/η'γ must stay < 1/);
    // …and takes it once η' and γmax allow it, and the link keeps it.
    const small = edited(
      base,
      (s) => withRunUpdated(s, esgd, { optimizer: { innerLr: 1e-5, gammaMax: 1e5 } }),
      (s) => withRunUpdated(s, esgd, { optimizer: { gamma0: 1e4 } }),
    );
    expect(roundTrip(small)).toMatchObject({ spec: small, corrections: [] });
  });

  it('repairs what an edit leaves impossible, as the link does, and says so', () => {
    // A perceptron on the spiral's class labels: the link would drop it, so the editor does.
    const result = applyEdit(base, (s) => withModelKind(s, 'perceptron'));
    expect(result).toMatchObject({ ok: true, spec: { model: base.model } });
    expect(result.ok && result.notes.join(' ')).toMatch(/needs ±1 labels/);
    // A data set with ±1 labels takes Baldassi's loss instead of cross-entropy.
    const sign = applyEdit(base, (s) => withDatasetKind(s, 'randomPatterns'));
    expect(sign).toMatchObject({ ok: true, spec: { loss: { kind: 'baldassi' } } });
  });
});
