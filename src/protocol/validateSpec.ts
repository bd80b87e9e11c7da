/**
 * What a valid ExperimentSpec is: the zod schema derived from the spec table (./specSchema.ts,
 * ./zodFromTable.ts) — shape, every range, run ids and labels — with the rules across fields as
 * its refinements: each optimizer's stability conditions (`validateOptimizerSpec`: η'γ0 < 1,
 * 2ηg0 < 1, γmax ≥ γ0, …), unique run ids, and the pairings that cannot work (a perceptron on
 * class labels, cross-entropy on ±1 labels, a tree committee whose K does not divide N, a rescaled
 * copy of a tanh network). The permalink decoder guarantees its output passes; the editor, the
 * export validator and the tests use it too. Its type is the core's `ExperimentSpec`, checked at
 * compile time at the end of this file.
 */
import { z } from 'zod';
import type { DatasetSpec } from '../core/data/datasetSpec';
import type { LossSpec } from '../core/losses/lossSpec';
import type { ModelSpec } from '../core/models/modelSpec';
import { validateOptimizerSpec } from '../core/optimizers/validateOptimizerSpec';
import { SPEC_VERSION, type ExperimentSpec } from './experimentSpec';
import { runVariantConflicts } from './runVariants';
import { ANALYSIS_LAYOUT, MAX_RUNS, RUN_ID_FIELD, RUN_LAYOUT, TOP_LAYOUT } from './specLayout';
import { OPTIMIZER_SCHEMA } from './specSchema';
import { zodField, zodGroups, zodShape, zodUnion, zodUnions } from './zodFromTable';
import { zodProblems } from './zodProblems';

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

/** An optimizer: its fields' ranges, then its stability conditions (`validateOptimizerSpec`). */
export const OPTIMIZER_SPEC_SCHEMA = zodUnion(OPTIMIZER_SCHEMA)
  .superRefine((optimizer, ctx) => {
    for (const message of validateOptimizerSpec(optimizer))
      ctx.addIssue({ code: 'custom', message });
  })
  .meta({ id: 'OptimizerSpec' });

/** What is wrong with `optimizer`, including its stability conditions; empty when sound. */
export function optimizerProblems(optimizer: unknown, path: string): string[] {
  return zodProblems(OPTIMIZER_SPEC_SCHEMA, optimizer, path, path);
}

const RUN_SCHEMA = z
  .object({
    id: zodField(RUN_ID_FIELD),
    ...zodShape(RUN_LAYOUT.fields),
    optimizer: OPTIMIZER_SPEC_SCHEMA,
    ...zodGroups(RUN_LAYOUT.groups),
  })
  .meta({
    id: 'RunSpec',
    description: 'One optimizer run; all runs share the data and the initial weights',
  });

const ANALYSIS_SCHEMA = z
  .object({ ...zodShape(ANALYSIS_LAYOUT.fields), ...zodGroups(ANALYSIS_LAYOUT.groups) })
  .meta({
    id: 'AnalysisSpec',
    description: 'Which landscape analyses run, how often, and how finely',
  });

/** The rules no schema expresses, once the shape and ranges hold. */
function refineSpec(spec: ExperimentSpec, ctx: z.RefinementCtx): void {
  const say = (message: string) => ctx.addIssue({ code: 'custom', message });
  spec.runs.forEach((run, i) => {
    if (spec.runs.findIndex((r) => r.id === run.id) < i) {
      ctx.addIssue({
        code: 'custom',
        path: ['runs', i, 'id'],
        input: run.id,
        message: 'is not unique',
      });
    }
  });
  const model = modelConflict(spec.model, spec.dataset);
  if (model) say(model);
  const loss = lossConflict(spec.loss, spec.dataset);
  if (loss) say(loss);
  spec.runs.forEach((run, i) => {
    for (const c of runVariantConflicts(spec, i)) say(`run ${run.id}: ${c.why}`);
  });
}

/** An ExperimentSpec: its shape and ranges from the table, the rules across fields as refinements. */
export const EXPERIMENT_SPEC_SCHEMA = z
  .object({
    version: z.literal(SPEC_VERSION),
    ...zodShape(TOP_LAYOUT.fields),
    ...zodUnions(TOP_LAYOUT.unions),
    runs: z.array(RUN_SCHEMA).min(1).max(MAX_RUNS),
    analysis: ANALYSIS_SCHEMA,
  })
  // Across fields only on a spec whose every field is sound.
  .superRefine(refineSpec, { when: (payload) => payload.issues.length === 0 })
  .meta({
    id: 'ExperimentSpec',
    description: 'The single serializable description of an experiment',
  });

/** Every problem of `spec`, one phrase each; empty when it is a valid ExperimentSpec. */
export function validateSpec(spec: unknown): string[] {
  return zodProblems(EXPERIMENT_SPEC_SCHEMA, spec, 'the spec');
}

export function isValidSpec(spec: unknown): spec is ExperimentSpec {
  return validateSpec(spec).length === 0;
}

// ---------------------------------------------------------------- compile-time check

/** Arrays and properties read-only all the way down: zod's output and the core differ only there. */
type Plain<T> = T extends readonly (infer E)[]
  ? readonly Plain<E>[]
  : T extends object
    ? { readonly [K in keyof T]: Plain<T[K]> }
    : T;
/** Exactly the same type (not only mutually assignable: an extra optional field fails too). */
type Equals<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;

/** Fails to compile when the schema and the core's `ExperimentSpec` disagree about a field. */
export type SpecSchemaIsExperimentSpec = Assert<
  Equals<Plain<z.output<typeof EXPERIMENT_SPEC_SCHEMA>>, Plain<ExperimentSpec>>
>;
