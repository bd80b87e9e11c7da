/**
 * The repairs of a spec whose parts cannot train together: a model or loss that does not fit the
 * data's labels, a hyperplane run or a rescaled copy the model cannot have. The link decoder
 * applies them to what a link asks for, and the editor to what an edit asks for, so the editor
 * holds only specs the link keeps as they are. Each change comes back as a sentence.
 */
import { defaultLossSpec, type LossSpec } from '../core/losses/lossSpec';
import { defaultModelSpec, type ModelSpec } from '../core/models/modelSpec';
import type { ExperimentSpec } from './experimentSpec';
import { repairRunVariants } from './runVariants';
import { labelKindOf, lossConflict, modelConflict } from './validateSpec';

export interface Repaired {
  readonly spec: ExperimentSpec;
  /** One sentence per change; empty when `spec` needed none (and is the input itself). */
  readonly notes: readonly string[];
}

/**
 * The model and loss made to fit the data: a tree committee whose K does not divide N drops the
 * tree, a model that cannot train on the labels falls back to `base`'s or an MLP, a loss to
 * `base`'s or the labels' default.
 */
export function repairPairings(spec: ExperimentSpec, base: ExperimentSpec): Repaired {
  const notes: string[] = [];
  let { model, loss } = spec;
  const modelWhy = modelConflict(model, spec.dataset);
  if (modelWhy) {
    const candidates: ModelSpec[] = [base.model];
    if (model.kind === 'committee') candidates.unshift({ ...model, tree: false });
    candidates.push(defaultModelSpec('mlp'));
    model = candidates.find((m) => !modelConflict(m, spec.dataset)) ?? defaultModelSpec('mlp');
    const used = `${model.kind}${model.kind === 'committee' && !model.tree ? ' (not tree)' : ''}`;
    notes.push(`Used a ${used} instead: ${modelWhy}.`);
  }
  const lossWhy = lossConflict(loss, spec.dataset);
  if (lossWhy) {
    const fallback: LossSpec =
      labelKindOf(spec.dataset) === 'sign'
        ? defaultLossSpec('baldassi')
        : defaultLossSpec('crossEntropy');
    loss = lossConflict(base.loss, spec.dataset) ? fallback : base.loss;
    notes.push(`Used ${loss.kind} instead: ${lossWhy}.`);
  }
  return { spec: notes.length === 0 ? spec : { ...spec, model, loss }, notes };
}

/** The pairings, then the run variants (judged on the repaired model). */
export function repairSpec(spec: ExperimentSpec, base: ExperimentSpec): Repaired {
  const pairs = repairPairings(spec, base);
  const variants = repairRunVariants(pairs.spec);
  return { spec: variants.spec, notes: [...pairs.notes, ...variants.notes] };
}
