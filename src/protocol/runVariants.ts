/**
 * What a run can be besides an optimizer on the whole parameter space: training confined to a
 * random hyperplane through the initialization (`RunSpec.hyperplane`, Fort & Scherlis 2019), or a
 * rescaled copy of an earlier run (`RunSpec.copy`, Dinh et al. 2017). Their ranges, their
 * conflicts with the model and the other runs, and their link keys:
 *
 *   <id>.plane=<d> (or full)   <id>.copy=<run id> (or none)   <id>.copy.c=<factor>   <id>.copy.layer=<k>
 */
import type { ModelSpec } from '../core/models/modelSpec';
import type { ExperimentSpec, RescaledCopy, RunSpec } from './experimentSpec';
import type { FieldSchema } from './specSchema';

/** Hyperplane dimensions d a run may train in. */
export const HYPERPLANE_FIELD = {
  key: 'plane',
  prop: 'hyperplane',
  value: { type: 'number', min: 1, max: 1000, integer: true },
  optional: true,
  absent: 'full space',
  absentWord: 'full',
  label: 'Hyperplane d',
  hint: 'Train only in a random d-dimensional hyperplane through the initialization (empty: the full space)',
} as const satisfies FieldSchema;

export const COPY_FIELDS = {
  factor: {
    key: 'c',
    prop: 'factor',
    value: { type: 'number', min: 1e-3, max: 1e3 },
    label: 'Factor c',
  },
  layer: {
    key: 'layer',
    prop: 'layer',
    value: { type: 'number', min: 1, max: 6, integer: true },
    label: 'Hidden layer k',
    hint: 'Layer k × c, layer k + 1 × 1/c',
  },
} as const satisfies Record<string, FieldSchema>;

/** A copy of `of` as a link or the run editor first makes it: hidden layer 1 × 5. */
export function defaultCopy(of: string): RescaledCopy {
  return { of, layer: 1, factor: 5 };
}

/** Keeps its weights on a sphere after every step (a hyperplane through θ₀ would leave it). */
function isProjected(model: ModelSpec): boolean {
  return (model.kind === 'perceptron' || model.kind === 'committee') && model.norm === 'spherical';
}

export interface VariantConflict {
  readonly field: 'hyperplane' | 'copy';
  /** Why, as a phrase: "a copy needs a ReLU MLP". */
  readonly why: string;
}

/** Why run `index` of `spec` cannot be the hyperplane run or the copy it says it is. */
export function runVariantConflicts(spec: ExperimentSpec, index: number): VariantConflict[] {
  const run = spec.runs[index];
  if (!run) return [];
  const out: VariantConflict[] = [];
  if (run.hyperplane !== undefined) {
    if (run.copy) {
      out.push({ field: 'hyperplane', why: 'a copy does not train, in a hyperplane or not' });
    } else if (isProjected(spec.model)) {
      out.push({
        field: 'hyperplane',
        why: `a spherical ${spec.model.kind} keeps its weights on the sphere, off any hyperplane`,
      });
    } else if (run.optimizer.kind === 'sgd' && run.optimizer.normSchedule.kind !== 'none') {
      out.push({
        field: 'hyperplane',
        why: 'a norm schedule sets ‖w‖, which a hyperplane run cannot follow',
      });
    }
  }
  if (run.copy) {
    const { of, layer } = run.copy;
    const source = spec.runs.findIndex((r) => r.id === of);
    const model = spec.model;
    if (source < 0 || source >= index) {
      out.push({ field: 'copy', why: `a copy needs an earlier run to copy, and ${of} is not one` });
    } else if (spec.runs[source]?.copy) {
      out.push({ field: 'copy', why: `${of} is itself a copy` });
    } else if (model.kind !== 'mlp' || model.activation !== 'relu') {
      out.push({ field: 'copy', why: 'rescaling keeps the function of ReLU MLPs only' });
    } else if (layer > model.hidden.length) {
      out.push({
        field: 'copy',
        why: `the model has ${model.hidden.length} hidden layer${model.hidden.length === 1 ? '' : 's'}, not ${layer}`,
      });
    }
  }
  return out;
}

/** `run` without the variants that conflict (the conflicts are returned for the notice). */
function withoutConflicts(run: RunSpec, conflicts: readonly VariantConflict[]): RunSpec {
  if (conflicts.length === 0) return run;
  const { hyperplane, copy, ...rest } = run;
  const drop = new Set(conflicts.map((c) => c.field));
  return {
    ...rest,
    ...(hyperplane !== undefined && !drop.has('hyperplane') ? { hyperplane } : {}),
    ...(copy && !drop.has('copy') ? { copy } : {}),
  };
}

/**
 * `spec` without the hyperplanes and copies it cannot run, and one sentence per change (the link
 * decoder and the editor show them). The same spec when nothing conflicts.
 */
export function repairRunVariants(spec: ExperimentSpec): {
  readonly spec: ExperimentSpec;
  readonly notes: readonly string[];
} {
  const notes: string[] = [];
  // Left to right: a copy of a run that lost its own copy status is judged on the repaired runs.
  let current = spec;
  spec.runs.forEach((run, i) => {
    const conflicts = runVariantConflicts(current, i);
    if (conflicts.length === 0) return;
    for (const c of conflicts) {
      notes.push(
        `Run ${run.id}: ${c.why}; it ${c.field === 'copy' ? 'trains as itself' : 'trains in the full space'}.`,
      );
    }
    const runs = [...current.runs];
    runs[i] = withoutConflicts(run, conflicts);
    current = { ...current, runs };
  });
  return { spec: current, notes };
}

/** What the run is, in words, for its card and the legend ("in a 10-d hyperplane"), or null. */
export function describeVariant(run: RunSpec, runs: readonly RunSpec[]): string | null {
  if (run.copy) {
    const source = runs.find((r) => r.id === run.copy?.of);
    return `${source?.label ?? run.copy.of} with layer ${run.copy.layer} × ${run.copy.factor} and layer ${run.copy.layer + 1} × 1/${run.copy.factor}`;
  }
  if (run.hyperplane !== undefined) return `trains in a random ${run.hyperplane}-d hyperplane`;
  return null;
}
