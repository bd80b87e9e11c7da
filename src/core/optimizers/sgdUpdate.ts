/** The SGD update rule shared by SGD, SAM, Replicated-SGD and Entropy-SGD's outer step. */
import type { Tensor1D } from '@tensorflow/tfjs-core';

/** The part of the SGD hyper-parameters the update rule reads. */
export interface SgdRule {
  readonly momentum: number;
  readonly nesterov: boolean;
  readonly weightDecay: number;
}

/**
 * One step of PyTorch's SGD (dampening 0) from w with direction g, learning rate η:
 * d = g + λw; v ← μv + d (v₀ = 0); d ← d + μv (Nesterov) or d ← v; w ← w − η d.
 * `velocity` is null when μ = 0 and is then returned null. Allocates: call inside `tf.tidy`.
 */
export function sgdUpdate(
  w: Tensor1D,
  g: Tensor1D,
  velocity: Tensor1D | null,
  rule: SgdRule,
  lr: number,
): { w: Tensor1D; velocity: Tensor1D | null } {
  let d = rule.weightDecay !== 0 ? g.add(w.mul(rule.weightDecay)) : g;
  let v: Tensor1D | null = null;
  if (rule.momentum !== 0) {
    v = velocity === null ? d : velocity.mul(rule.momentum).add(d);
    d = rule.nesterov ? d.add(v.mul(rule.momentum)) : v;
  }
  return { w: w.sub(d.mul(lr)), velocity: v };
}
