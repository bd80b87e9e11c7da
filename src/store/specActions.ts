/**
 * Editing the experiment: each action derives a new spec (./specEdits) and switches to it with
 * `replaceSpec`, which resets the engine — a changed data set, model, loss or run is a new
 * experiment, started again from its initial weights.
 */
import { replaceSpec } from './actions';
import { appStore } from './appStore';
import { pushNotice } from './engineEvents';
import {
  applyEdit,
  withDatasetKind,
  withDatasetParams,
  withEntropySgdVariant,
  withLossKind,
  withLossParams,
  withModelKind,
  withModelParams,
  withCopyAdded,
  withRunAdded,
  withRunRemoved,
  withRunUpdated,
  withTopField,
  type DatasetKind,
  type DatasetSpec,
  type EntropySgdVariant,
  type LossKind,
  type LossSpec,
  type ModelKind,
  type ModelSpec,
  type OptimizerKind,
  type RunPatch,
} from './specEdits';
import type { ExperimentSpec } from '../protocol/experimentSpec';
import type { FieldSchema } from '../protocol/specSchema';

/**
 * Applies `change` as `applyEdit` does: what it leaves impossible (a copy of a tanh network, a
 * perceptron on class labels) is repaired and said; a change the link would not keep (η'γ0 ≥ 1)
 * is refused and the reason said.
 */
function edit(change: (spec: ExperimentSpec) => ExperimentSpec): void {
  const { spec } = appStore.getState();
  const result = applyEdit(spec, change);
  if (!result.ok) {
    pushNotice('warning', `Not changed: ${result.problems.join('; ')}.`);
    return;
  }
  for (const note of result.notes) pushNotice('info', note);
  if (JSON.stringify(result.spec) !== JSON.stringify(spec)) replaceSpec(result.spec);
}

export function setDatasetKind(kind: DatasetKind): void {
  edit((s) => withDatasetKind(s, kind));
}

export function setDatasetParams(patch: Partial<Omit<DatasetSpec, 'kind'>>): void {
  edit((s) => withDatasetParams(s, patch));
}

export function setModelKind(kind: ModelKind): void {
  edit((s) => withModelKind(s, kind));
}

export function setModelParams(patch: Partial<Omit<ModelSpec, 'kind'>>): void {
  edit((s) => withModelParams(s, patch));
}

export function setLossKind(kind: LossKind): void {
  edit((s) => withLossKind(s, kind));
}

export function setLossParams(patch: Partial<Omit<LossSpec, 'kind'>>): void {
  edit((s) => withLossParams(s, patch));
}

export function addRun(kind: OptimizerKind): void {
  edit((s) => withRunAdded(s, kind));
}

export function addCopy(of: string): void {
  edit((s) => withCopyAdded(s, of));
}

export function removeRun(runId: string): void {
  edit((s) => withRunRemoved(s, runId));
}

export function updateRun(runId: string, patch: RunPatch): void {
  edit((s) => withRunUpdated(s, runId, patch));
}

export function setEntropySgdVariant(runId: string, variant: EntropySgdVariant): void {
  edit((s) => withEntropySgdVariant(s, runId, variant));
}

/** A top-level field of the spec (seed, gradients per tick, budget): a new experiment. */
export function setTopField(f: FieldSchema, value: unknown): void {
  edit((s) => withTopField(s, f, value));
}
