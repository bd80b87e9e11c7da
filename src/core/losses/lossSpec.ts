/** Which training loss: a discriminated union on `kind`, plain JSON; SCIENCE.md §3. */

/** Multiclass cross-entropy on C logits (class labels). */
export interface CrossEntropySpec {
  readonly kind: 'crossEntropy';
}

/** ½‖z − t‖² averaged over the batch (one-hot targets for C > 1 outputs). */
export interface MeanSquaredErrorSpec {
  readonly kind: 'mse';
}

/** Baldassi's ℓ_γ(x) = softplus(−2γx)/(2γ) on the stability of a ±1 model. */
export interface BaldassiSpec {
  readonly kind: 'baldassi';
  readonly gamma: number;
}

export type LossSpec = CrossEntropySpec | MeanSquaredErrorSpec | BaldassiSpec;

export type LossKind = LossSpec['kind'];

export const LOSS_KINDS: readonly LossKind[] = ['crossEntropy', 'mse', 'baldassi'];

export function defaultLossSpec<K extends LossKind>(kind: K): Extract<LossSpec, { kind: K }>;
export function defaultLossSpec(kind: LossKind): LossSpec {
  switch (kind) {
    case 'crossEntropy':
      return { kind };
    case 'mse':
      return { kind };
    case 'baldassi':
      return { kind, gamma: 5 };
  }
}
