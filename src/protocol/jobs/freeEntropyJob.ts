/**
 * The local free entropy Φ(w, γ) = log ∫ dw' exp(−L(w') − (γ/2)‖w' − w‖²) of each run's current
 * weights (Chaudhari et al. 2017; Baldassi et al.): the flatness panel's second local-entropy
 * estimator, beside the shell fraction. Shown relative to a perfectly flat neighbourhood,
 * Φ(γ) − Φ_flat(γ) ≤ 0 at a minimum: near 0 for a wide flat one, very negative for a sharp one.
 * Each run's ladder of couplings is set by relative radii r = √(D/γ)/‖w‖ (the Gaussian's typical
 * distance over the weight norm), so runs of different norms are compared at the same relative
 * scale — the scale of δE(σ) and of the shell's d.
 */
import type { DatasetSpec } from '../../core/data/datasetSpec';
import type { LossSpec } from '../../core/losses/lossSpec';
import type { ModelSpec } from '../../core/models/modelSpec';

export interface FreeEntropyJob {
  readonly kind: 'freeEntropy';
  readonly dataset: DatasetSpec;
  readonly model: ModelSpec;
  readonly loss: LossSpec;
  /** The networks to measure: each run's current weights, in the model's flat layout. */
  readonly runs: readonly { readonly id: string; readonly weights: Float32Array }[];
  /** Relative radii r = √(D/γ)/‖w‖, ascending: γ = D/(r‖w‖)² per run. */
  readonly radii: readonly number[];
  /** Langevin steps averaged per γ, after as many again for burn-in. */
  readonly steps: number;
  readonly seed: number;
}

export interface FreeEntropyRun {
  readonly id: string;
  /** The couplings γ of the run's ladder, in the order of `radii`. */
  readonly gammas: Float64Array;
  /** Φ(γ) − Φ_flat(γ), 0 at the smallest radius (the integration's start). */
  readonly excess: Float64Array;
}

export interface FreeEntropyResult {
  readonly kind: 'freeEntropy';
  readonly radii: Float64Array;
  readonly runs: readonly FreeEntropyRun[];
}
