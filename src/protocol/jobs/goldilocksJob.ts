/**
 * The Goldilocks zone (SCIENCE.md §5 "Random-hyperplane training", §6.4; Fort & Scherlis 2019):
 * for each initialization radius r, the restricted Hessian H_d = Mᵀ H M at θ₀ = r·θ_init on random
 * d-dimensional hyperplanes, and training confined to one of them, θ = θ₀ + M φ.
 */
import type { DatasetSpec } from '../../core/data/datasetSpec';
import type { ModelSpec } from '../../core/models/modelSpec';
import type { LossSpec } from '../../core/losses/lossSpec';

export interface GoldilocksJob {
  readonly kind: 'goldilocks';
  readonly dataset: DatasetSpec;
  readonly model: ModelSpec;
  readonly loss: LossSpec;
  /** Initialization radii r (multiples of the standard initialization). */
  readonly scales: readonly number[];
  /** Hyperplane dimension d. */
  readonly subspaceDim: number;
  /** Random hyperplanes averaged per r for the Hessian measures. */
  readonly hyperplanes: number;
  /** Steps of SGD on φ within the first hyperplane (0: measures only). */
  readonly trainSteps: number;
  readonly learningRate: number;
  readonly batchSize: number;
  readonly seed: number;
}

export interface GoldilocksResult {
  readonly kind: 'goldilocks';
  readonly scales: Float64Array;
  /** Mean over hyperplanes of Tr(H_d)/‖H_d‖_F (≤ √d), and its standard deviation. */
  readonly traceOverFrobenius: Float64Array;
  readonly traceOverFrobeniusSpread: Float64Array;
  /** Mean fraction of H_d's eigenvalues that are positive. */
  readonly positiveFraction: Float64Array;
  /** Train loss and error at θ₀ and after training in the hyperplane. */
  readonly initialLoss: Float64Array;
  readonly finalLoss: Float64Array;
  readonly finalError: Float64Array;
  readonly subspaceDim: number;
  readonly paramCount: number;
}
