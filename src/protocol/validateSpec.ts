/**
 * Is this a valid ExperimentSpec? Checks the shape and every range of `specSchema`, the run ids
 * and labels, each optimizer's hyper-parameters (`validateOptimizerSpec`) and the pairings that
 * cannot work (a perceptron on class labels, cross-entropy on ±1 labels, a tree committee whose K
 * does not divide N, a rescaled copy of a tanh network). The permalink decoder guarantees its output passes; the tests use it too.
 */
import type { DatasetSpec } from '../core/data/datasetSpec';
import type { LossSpec } from '../core/losses/lossSpec';
import type { ModelSpec } from '../core/models/modelSpec';
import type { OptimizerSpec } from '../core/optimizers/optimizerSpec';
import { validateOptimizerSpec } from '../core/optimizers/validateOptimizerSpec';
import { PLANE_KINDS } from './analysis';
import { SPEC_VERSION, type ExperimentSpec } from './experimentSpec';
import { COPY_FIELDS, HYPERPLANE_FIELD, runVariantConflicts } from './runVariants';
import {
  ANALYSIS_FIELDS,
  DATASET_SCHEMA,
  LOSS_SCHEMA,
  MAX_LABEL,
  MAX_RUNS,
  MODEL_SCHEMA,
  OPTIMIZER_SCHEMA,
  RESERVED_IDS,
  RUN_ID,
  SEED_FIELD,
  SEED_OFFSET_FIELD,
  TICK_FIELD,
  BUDGET_FIELD,
  isValidFieldValue,
  type FieldSchema,
  type UnionSchema,
} from './specSchema';

type Bag = Readonly<Record<string, unknown>>;

function isBag(value: unknown): value is Bag {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkField(bag: Bag, f: FieldSchema, path: string, problems: string[]): void {
  const value = bag[f.prop];
  if (!isValidFieldValue(f, value)) {
    problems.push(`${path}.${f.prop} is invalid (${JSON.stringify(value) ?? 'undefined'})`);
  }
}

function checkUnion(value: unknown, schema: UnionSchema, path: string, problems: string[]): void {
  if (!isBag(value) || typeof value.kind !== 'string' || !schema.kinds.includes(value.kind)) {
    problems.push(`${path} is not a known ${schema.noun}`);
    return;
  }
  for (const f of schema.fields(value.kind)) checkField(value, f, path, problems);
  for (const n of schema.nested(value.kind)) {
    checkUnion(value[n.prop], n.union, `${path}.${n.prop}`, problems);
  }
}

/** 'sign' for the ±1 tasks (random patterns, teacher–student), 'class' for the rest. */
export function labelKindOf(dataset: DatasetSpec): 'class' | 'sign' {
  return dataset.kind === 'randomPatterns' || dataset.kind === 'teacherStudent' ? 'sign' : 'class';
}

/** The input dimension N of a data set. */
export function inputDimOf(dataset: DatasetSpec): number {
  switch (dataset.kind) {
    case 'randomPatterns':
    case 'teacherStudent':
      return dataset.n;
    case 'gaussianMixture':
      return dataset.dim;
    case 'mnist':
      return dataset.downsample ? 196 : 784;
    case 'spiral':
    case 'moons':
    case 'circles':
    case 'xor':
      return 2;
  }
}

/** Why `model` cannot train on `dataset`, or null. */
export function modelConflict(model: ModelSpec, dataset: DatasetSpec): string | null {
  if (
    (model.kind === 'perceptron' || model.kind === 'committee') &&
    labelKindOf(dataset) !== 'sign'
  ) {
    return `a ${model.kind} needs ±1 labels (random patterns or teacher–student), not ${dataset.kind}`;
  }
  if (model.kind === 'committee' && model.tree && inputDimOf(dataset) % model.hidden !== 0) {
    return `a tree committee needs K = ${model.hidden} to divide N = ${inputDimOf(dataset)}`;
  }
  return null;
}

/** Why `loss` cannot train on `dataset`, or null. */
export function lossConflict(loss: LossSpec, dataset: DatasetSpec): string | null {
  const labels = labelKindOf(dataset);
  if (loss.kind === 'crossEntropy' && labels === 'sign') {
    return `cross-entropy needs class labels; ${dataset.kind} has ±1 labels`;
  }
  if (loss.kind === 'baldassi' && labels === 'class') {
    return `Baldassi's loss needs ±1 labels; ${dataset.kind} has class labels`;
  }
  return null;
}

function isControl(char: string): boolean {
  const code = char.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
}

/** `text` without its control characters (C0 and DEL). */
export function withoutControlCharacters(text: string): string {
  return [...text].filter((c) => !isControl(c)).join('');
}

/** A run label: 1…40 characters, no control characters. */
export function isValidLabel(label: unknown): label is string {
  return (
    typeof label === 'string' &&
    label.length > 0 &&
    label.length <= MAX_LABEL &&
    ![...label].some(isControl)
  );
}

export function isValidRunId(id: unknown): id is string {
  return typeof id === 'string' && RUN_ID.test(id) && !RESERVED_IDS.has(id);
}

/** What is wrong with `optimizer`, including its stability conditions; empty when sound. */
export function optimizerProblems(optimizer: unknown, path: string): string[] {
  const problems: string[] = [];
  checkUnion(optimizer, OPTIMIZER_SCHEMA, path, problems);
  if (problems.length === 0) {
    for (const p of validateOptimizerSpec(optimizer as OptimizerSpec))
      problems.push(`${path}: ${p}`);
  }
  return problems;
}

/** Every problem of `spec`, one phrase each; empty when it is a valid ExperimentSpec. */
export function validateSpec(spec: unknown): string[] {
  const problems: string[] = [];
  if (!isBag(spec)) return ['the spec is not an object'];
  if (spec.version !== SPEC_VERSION) problems.push(`version is not ${SPEC_VERSION}`);
  checkField(spec, SEED_FIELD, 'spec', problems);
  checkField(spec, TICK_FIELD, 'spec', problems);
  checkField(spec, BUDGET_FIELD, 'spec', problems);
  checkUnion(spec.dataset, DATASET_SCHEMA, 'dataset', problems);
  checkUnion(spec.model, MODEL_SCHEMA, 'model', problems);
  checkUnion(spec.loss, LOSS_SCHEMA, 'loss', problems);

  const runs = spec.runs;
  if (!Array.isArray(runs) || runs.length < 1 || runs.length > MAX_RUNS) {
    problems.push(`runs must be a list of 1…${MAX_RUNS} runs`);
  } else {
    const ids = new Set<string>();
    runs.forEach((run: unknown, i) => {
      const path = `runs[${i}]`;
      if (!isBag(run)) {
        problems.push(`${path} is not an object`);
        return;
      }
      if (!isValidRunId(run.id)) problems.push(`${path}.id is invalid`);
      else if (ids.has(run.id)) problems.push(`${path}.id ${run.id} is not unique`);
      else ids.add(run.id);
      if (!isValidLabel(run.label)) problems.push(`${path}.label is invalid`);
      checkField(run, SEED_OFFSET_FIELD, path, problems);
      problems.push(...optimizerProblems(run.optimizer, `${path}.optimizer`));
      checkField(run, HYPERPLANE_FIELD, path, problems);
      if (run.copy !== undefined) {
        if (!isBag(run.copy) || !isValidRunId(run.copy.of))
          problems.push(`${path}.copy is invalid`);
        else {
          checkField(run.copy, COPY_FIELDS.factor, `${path}.copy`, problems);
          checkField(run.copy, COPY_FIELDS.layer, `${path}.copy`, problems);
        }
      }
    });
  }

  const analysis = spec.analysis;
  if (!isBag(analysis)) {
    problems.push('analysis is not an object');
  } else {
    checkField(analysis, ANALYSIS_FIELDS.every, 'analysis', problems);
    checkField(analysis, ANALYSIS_FIELDS.spectrum, 'analysis', problems);
    checkField(analysis, ANALYSIS_FIELDS.wait, 'analysis', problems);
    const slice = analysis.slice;
    if (slice !== null) {
      if (!isBag(slice) || !PLANE_KINDS.includes(slice.plane as never)) {
        problems.push('analysis.slice is invalid');
      } else {
        checkField(slice, ANALYSIS_FIELDS.extent, 'analysis.slice', problems);
        checkField(slice, ANALYSIS_FIELDS.resolution, 'analysis.slice', problems);
      }
    }
    const flatness = analysis.flatness;
    if (flatness !== null) {
      if (!isBag(flatness)) problems.push('analysis.flatness is invalid');
      else {
        checkField(flatness, ANALYSIS_FIELDS.sigmas, 'analysis.flatness', problems);
        checkField(flatness, ANALYSIS_FIELDS.radii, 'analysis.flatness', problems);
        checkField(flatness, ANALYSIS_FIELDS.draws, 'analysis.flatness', problems);
        checkField(flatness, ANALYSIS_FIELDS.tolerance, 'analysis.flatness', problems);
      }
    }
  }

  if (problems.length === 0) {
    const s = spec as unknown as ExperimentSpec;
    const model = modelConflict(s.model, s.dataset);
    if (model) problems.push(model);
    const loss = lossConflict(s.loss, s.dataset);
    if (loss) problems.push(loss);
    s.runs.forEach((run, i) => {
      for (const c of runVariantConflicts(s, i)) problems.push(`run ${run.id}: ${c.why}`);
    });
  }
  return problems;
}

export function isValidSpec(spec: unknown): spec is ExperimentSpec {
  return validateSpec(spec).length === 0;
}
