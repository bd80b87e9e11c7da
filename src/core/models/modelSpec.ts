/**
 * Which model to train: a discriminated union on `kind`, plain JSON. `makeModel(spec, dataset)`
 * builds it; SCIENCE.md §2.
 */

/** din–h₁–…–h_L–C with ReLU or tanh hidden units and linear output logits. */
export interface MlpSpec {
  readonly kind: 'mlp';
  /** Widths of the hidden layers, input side first; [] is softmax regression. */
  readonly hidden: readonly number[];
  readonly activation: 'relu' | 'tanh';
  /** The factor r multiplying the He (ReLU) / Xavier (tanh) initialization; 1 is standard. */
  readonly initScale: number;
}

/** Logits z = xW + b: the model whose Hessian is known in closed form. */
export interface SoftmaxRegressionSpec {
  readonly kind: 'softmaxRegression';
  /** The factor r multiplying the Xavier initialization; 0 starts from w = 0. */
  readonly initScale: number;
}

/**
 * How a sign model's field enters the loss: 'normalized' divides by the weight norm (the stability
 * of SCIENCE.md §3, invariant to rescaling w); 'raw' divides by √N only, so a free norm acts as
 * an annealed γ (effective γ‖w‖/√N). On the sphere ‖w‖ = √N the two coincide.
 */
export type FieldNormalization = 'normalized' | 'raw';

/** Output sign(w·x/√N); 'spherical' keeps ‖w‖² = N after every step (`project`). */
export interface PerceptronSpec {
  readonly kind: 'perceptron';
  readonly norm: 'spherical' | 'free';
  readonly field: FieldNormalization;
  /** Scale of the N(0, 1) initial weights (ignored on the sphere, where init is projected). */
  readonly initScale: number;
}

/**
 * K hidden sign units h_k = w_k·x/√N_k, output sign(Σ_k sign(h_k)). Trained through the relaxation
 * (1/√K) Σ_k φ(h_k) with φ = tanh, or 'relu': the ReLU-built hard tanh relu(h+1) − relu(h−1) − 1
 * (a plain ReLU cannot vote −1). `tree`: unit k sees only its own block of N/K inputs (N_k = N/K).
 */
export interface CommitteeSpec {
  readonly kind: 'committee';
  /** Number of hidden units K (odd). */
  readonly hidden: number;
  readonly tree: boolean;
  readonly activation: 'tanh' | 'relu';
  /** 'spherical' keeps ‖w_k‖² = N_k for every hidden unit. */
  readonly norm: 'spherical' | 'free';
  readonly field: FieldNormalization;
  readonly initScale: number;
}

export type ModelSpec = MlpSpec | SoftmaxRegressionSpec | PerceptronSpec | CommitteeSpec;

export type ModelKind = ModelSpec['kind'];

export const MODEL_KINDS: readonly ModelKind[] = [
  'mlp',
  'softmaxRegression',
  'perceptron',
  'committee',
];

/** The defaults of each kind (small: exact Hessians stay cheap). */
export function defaultModelSpec<K extends ModelKind>(kind: K): Extract<ModelSpec, { kind: K }>;
export function defaultModelSpec(kind: ModelKind): ModelSpec {
  switch (kind) {
    case 'mlp':
      return { kind, hidden: [32, 32], activation: 'relu', initScale: 1 };
    case 'softmaxRegression':
      return { kind, initScale: 1 };
    case 'perceptron':
      return { kind, norm: 'spherical', field: 'normalized', initScale: 1 };
    case 'committee':
      return {
        kind,
        hidden: 5,
        tree: false,
        activation: 'tanh',
        norm: 'free',
        field: 'normalized',
        initScale: 1,
      };
  }
}
