/**
 * The serializable description of an optimizer (SCIENCE.md §4): a discriminated union on `kind`,
 * with the defaults of the reference implementations. Plain data: it round-trips through JSON.
 */

/**
 * Learning rate η_t at outer step t = 0, 1, 2, … (the number of steps already taken).
 * - constant: η_t = η
 * - step: η_t = η · factor^⌊t / every⌋
 * - cosine: η_t = η · (m + (1 − m) · ½(1 + cos(π · min(t, total) / total))), m = minFactor
 */
export type LrSchedule =
  | { readonly kind: 'constant' }
  | { readonly kind: 'step'; readonly every: number; readonly factor: number }
  | { readonly kind: 'cosine'; readonly total: number; readonly minFactor: number };

/**
 * Weight-norm control for SGD (Baldassi et al. 2020: a slowly growing norm anneals the loss's
 * effective γ). After outer step t (t = 1 after the first step):
 * - none: w is left alone;
 * - grow: w ← w · n(t)/‖w‖ with n(t) = n0 · (1 + rate)^t; n0 defaults to ‖w_init‖.
 */
export type NormSchedule =
  | { readonly kind: 'none' }
  | { readonly kind: 'grow'; readonly rate: number; readonly n0?: number };

/**
 * The update rule shared by SGD, SAM and Replicated-SGD (PyTorch's `torch.optim.SGD`, dampening 0):
 * d = g + λw; v ← μv + d; d ← d + μv (Nesterov) or d ← v; w ← w − η_t d.
 */
export interface SgdHyper {
  /** Learning rate η (the schedule's base value). */
  readonly lr: number;
  /** Minibatch size B (samples per gradient evaluation). */
  readonly batchSize: number;
  /** Momentum μ ∈ [0, 1): 0 (plain SGD) or 0.9. */
  readonly momentum: number;
  /** Nesterov momentum (needs μ > 0). */
  readonly nesterov: boolean;
  /** L2 weight decay λ, added to the gradient as λw. */
  readonly weightDecay: number;
  readonly lrSchedule: LrSchedule;
}

/** Minibatch SGD with optional momentum, weight decay, learning-rate and norm schedules. */
export interface SgdSpec extends SgdHyper {
  readonly kind: 'sgd';
  readonly normSchedule: NormSchedule;
}

/**
 * The two named Entropy-SGD variants:
 * - 'chaudhari2017' (Chaudhari et al. 2017, the authors' Lua code): x ← x − η(x − μ), L = 20;
 *   counted as L + 1 gradients per outer step (the Lua code also evaluates ∇f(x) before the loop);
 * - 'scaled' (Pittorino et al. 2021's eSGD): x ← x − η γ_t (x − μ), L = 5; counted as L.
 */
export type EntropySgdVariant = 'chaudhari2017' | 'scaled';

/**
 * Entropy-SGD. Outer step t: γ_t = min(γmax, γ0 (1 + γ1)^t); x' = μ = x, m = 0; for l = 1..L on
 * fresh minibatches: g = ∇f(x'), m ← ρm + g, g ← g + ρm (the reference codes' inner Nesterov
 * momentum ρ, only on the loss gradient); x' ← x' − η'(g − γ_t (x − x')) + ε√(2η') ξ,
 * ξ ~ N(0, I); μ ← αμ + (1 − α)x'. Outer: d = x − μ ('chaudhari2017') or γ_t(x − μ) ('scaled'),
 * then the SGD rule with momentum on d: w ← w − η_t d.
 */
export interface EntropySgdSpec {
  readonly kind: 'entropySgd';
  readonly variant: EntropySgdVariant;
  /** Outer learning rate η (η = 1 with 'chaudhari2017' jumps to μ). */
  readonly lr: number;
  readonly lrSchedule: LrSchedule;
  /** Outer momentum (0 in the reference defaults). */
  readonly momentum: number;
  readonly nesterov: boolean;
  /** Inner (Langevin) steps L per outer step. */
  readonly L: number;
  /** Inner learning rate η'. γ_t is held below η'γ = 0.9 (`couplingSchedule.ts`). */
  readonly innerLr: number;
  /**
   * Inner Nesterov momentum ρ on the loss gradient, its buffer reset every outer step: 0.9 in
   * both reference codes; 0 is the plain Langevin loop.
   */
  readonly innerMomentum: number;
  /** Langevin noise ε: the per-step displacement has standard deviation ε√(2η'). */
  readonly noise: number;
  /** Initial coupling (scope) γ0. */
  readonly gamma0: number;
  /** Scoping rate γ1: γ_t = γ0 (1 + γ1)^t. */
  readonly gamma1: number;
  /** Cap on γ_t (the stability cap of `couplingSchedule.ts` may hold it lower). */
  readonly gammaMax: number;
  /** Averaging factor α of μ. */
  readonly alpha: number;
  readonly batchSize: number;
}

/**
 * Replicated-SGD (Pittorino et al. 2021): y replicas, w̄ = (1/y)Σ_a w_a,
 * g_t = min(gMax, g0 (1 + g1)^t), each replica on its own minibatch takes the SGD rule with the
 * gradient ∇L_a(w_a) + 2g_t (w_a − w̄). The centre w̄ is the evaluated point. y = 1 is SGD.
 */
export interface ReplicatedSgdSpec extends SgdHyper {
  readonly kind: 'replicatedSgd';
  /** Number of replicas y (3–7 in the paper). */
  readonly replicas: number;
  /** Initial coupling g0, with 2ηg0 < 1; g_t is held below 2ηg = 0.9 (`couplingSchedule.ts`). */
  readonly g0: number;
  /** Coupling growth rate g1: g_t = g0 (1 + g1)^t. */
  readonly g1: number;
  /** Cap on g_t. */
  readonly gMax: number;
}

/**
 * SAM (Foret et al. 2021): g = ∇L_B(w), ε = ρ g/‖g‖, ĝ = ∇L_B(w + ε) on the same batch B, then
 * the SGD rule from w with ĝ. Two gradients per step.
 */
export interface SamSpec extends SgdHyper {
  readonly kind: 'sam';
  /** Neighbourhood radius ρ. */
  readonly rho: number;
}

/**
 * Adam (Kingma & Ba 2015), bias-corrected, L2 weight decay added to the gradient (PyTorch's Adam):
 * g ← g + λw; m ← β1 m + (1 − β1) g; v ← β2 v + (1 − β2) g²; t ← t + 1;
 * w ← w − η_t · (m / (1 − β1^t)) / (√(v / (1 − β2^t)) + ε).
 */
export interface AdamSpec {
  readonly kind: 'adam';
  readonly lr: number;
  readonly lrSchedule: LrSchedule;
  readonly batchSize: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  readonly weightDecay: number;
}

export type OptimizerSpec = SgdSpec | EntropySgdSpec | ReplicatedSgdSpec | SamSpec | AdamSpec;
export type OptimizerKind = OptimizerSpec['kind'];
/** The spec type of one kind. */
export type SpecOf<K extends OptimizerKind> = Extract<OptimizerSpec, { kind: K }>;

export const CONSTANT_LR: LrSchedule = { kind: 'constant' };

/** SGD: η = 0.1, B = 128, no momentum, no decay, constant η, free norm. */
export const SGD_DEFAULTS: SgdSpec = {
  kind: 'sgd',
  lr: 0.1,
  batchSize: 128,
  momentum: 0,
  nesterov: false,
  weightDecay: 0,
  lrSchedule: CONSTANT_LR,
  normSchedule: { kind: 'none' },
};

/**
 * Entropy-SGD as in Chaudhari et al.'s code and README: L = 20, η' = 0.1 with inner Nesterov
 * momentum 0.9 (`train.lua`'s momentum, reused by `entropyoptim.lua`'s inner loop), ε = 1e-4, α = 0.75,
 * γ0 = 0.03 (their CIFAR value; 1e-4 for MNIST), γ1 = 1e-3, B = 128, η = 1 (jump to μ).
 * γmax = 1e4 as in Pittorino et al.'s code (the Lua code has no cap).
 */
export const ENTROPY_SGD_DEFAULTS: EntropySgdSpec = {
  kind: 'entropySgd',
  variant: 'chaudhari2017',
  lr: 1,
  lrSchedule: CONSTANT_LR,
  momentum: 0,
  nesterov: false,
  L: 20,
  innerLr: 0.1,
  innerMomentum: 0.9,
  noise: 1e-4,
  gamma0: 0.03,
  gamma1: 1e-3,
  gammaMax: 1e4,
  alpha: 0.75,
  batchSize: 128,
};

/**
 * The 'scaled' variant (Pittorino et al. 2021's eSGD): L = 5, η' = 0.1, α = 0.75, ε = 1e-4,
 * γmax = 1e4 from their code; their code has no default for γ0, γ1: γ0 = 0.5 and γ1 = 1e-3 are
 * ours, chosen so that the outer step η γ (x − μ) is comparable to an SGD step at η = 1.
 */
export const ENTROPY_SGD_SCALED_DEFAULTS: EntropySgdSpec = {
  ...ENTROPY_SGD_DEFAULTS,
  variant: 'scaled',
  L: 5,
  gamma0: 0.5,
};

/**
 * Replicated-SGD: y = 3, the SGD defaults, g0 = 1e-3 growing by g1 = 1e-3 per step up to
 * gMax = 1e4 (SCIENCE.md §4; the optimizer holds g below 2ηg = 0.9, `couplingSchedule.ts`).
 */
export const REPLICATED_SGD_DEFAULTS: ReplicatedSgdSpec = {
  kind: 'replicatedSgd',
  lr: SGD_DEFAULTS.lr,
  batchSize: SGD_DEFAULTS.batchSize,
  momentum: 0,
  nesterov: false,
  weightDecay: 0,
  lrSchedule: CONSTANT_LR,
  replicas: 3,
  g0: 1e-3,
  g1: 1e-3,
  gMax: 1e4,
};

/** SAM: ρ = 0.05 (Foret et al.) on the SGD defaults. */
export const SAM_DEFAULTS: SamSpec = {
  kind: 'sam',
  lr: SGD_DEFAULTS.lr,
  batchSize: SGD_DEFAULTS.batchSize,
  momentum: 0,
  nesterov: false,
  weightDecay: 0,
  lrSchedule: CONSTANT_LR,
  rho: 0.05,
};

/** Adam: η = 1e-3, β1 = 0.9, β2 = 0.999, ε = 1e-8 (Kingma & Ba; PyTorch). */
export const ADAM_DEFAULTS: AdamSpec = {
  kind: 'adam',
  lr: 1e-3,
  lrSchedule: CONSTANT_LR,
  batchSize: 128,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-8,
  weightDecay: 0,
};

/** The defaults of each kind ('entropySgd': the 'chaudhari2017' variant). */
export const OPTIMIZER_DEFAULTS: { readonly [K in OptimizerKind]: SpecOf<K> } = {
  sgd: SGD_DEFAULTS,
  entropySgd: ENTROPY_SGD_DEFAULTS,
  replicatedSgd: REPLICATED_SGD_DEFAULTS,
  sam: SAM_DEFAULTS,
  adam: ADAM_DEFAULTS,
};

/**
 * A full spec from a partial one: the defaults of `partial.kind` (for 'entropySgd', of the named
 * variant) overridden by the given fields.
 */
export function makeOptimizerSpec<K extends OptimizerKind>(
  partial: { readonly kind: K } & Partial<SpecOf<K>>,
): SpecOf<K> {
  const base: OptimizerSpec =
    partial.kind === 'entropySgd' && (partial as Partial<EntropySgdSpec>).variant === 'scaled'
      ? ENTROPY_SGD_SCALED_DEFAULTS
      : OPTIMIZER_DEFAULTS[partial.kind];
  return { ...base, ...partial } as SpecOf<K>;
}
