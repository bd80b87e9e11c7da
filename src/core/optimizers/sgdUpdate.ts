/** The SGD update rule shared by SGD, SAM, Replicated-SGD and Entropy-SGD's outer step. */
import * as tf from '@tensorflow/tfjs-core';
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
  const d: Tensor1D = rule.weightDecay !== 0 ? tf.add(g, tf.mul(w, rule.weightDecay)) : g;
  if (rule.momentum === 0) return { w: tf.sub(w, tf.mul(d, lr)), velocity: null };
  const v: Tensor1D = velocity === null ? d : tf.add(tf.mul(velocity, rule.momentum), d);
  const direction: Tensor1D = rule.nesterov ? tf.add(d, tf.mul(v, rule.momentum)) : v;
  return { w: tf.sub(w, tf.mul(direction, lr)), velocity: v };
}
