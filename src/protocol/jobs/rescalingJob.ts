/**
 * Rescaling invariance (SCIENCE.md §6.8, Dinh et al. 2017): a trained ReLU network and its copy
 * with hidden layer k × c and layer k+1 × 1/c compute the same function; λmax differs, while the
 * filter-normalized slice and the multiplicative local energy do not (additive noise does differ).
 */
import type { DatasetSpec } from '../../core/data/datasetSpec';
import type { LossSpec } from '../../core/losses/lossSpec';
import type { ModelSpec } from '../../core/models/modelSpec';

export interface RescalingJob {
  readonly kind: 'rescaling';
  readonly dataset: DatasetSpec;
  readonly model: ModelSpec;
  readonly loss: LossSpec;
  /** The network to rescale (e.g. a run's current weights), in the model's flat layout. */
  readonly weights: Float32Array;
  /** Hidden layer k (from 1) multiplied by c; layer k+1 by 1/c. */
  readonly layer: number;
  readonly factor: number;
  /** Noise levels σ of the local energies. */
  readonly sigmas: readonly number[];
  readonly draws: number;
  readonly seed: number;
}

/** The measures of one network. */
export interface RescalingSide {
  readonly lambdaMax: number;
  /** δE(σ) on the loss with multiplicative noise w + σ z ⊙ w. */
  readonly energyMultiplicative: Float64Array;
  /** δE(σ) on the loss with additive noise w + σ z. */
  readonly energyAdditive: Float64Array;
  /** Loss on a 21 × 21 filter-normalized slice around the network (same directions' seed). */
  readonly slice: Float32Array;
}

export interface RescalingResult {
  readonly kind: 'rescaling';
  readonly sigmas: Float64Array;
  /** Slice grid coordinates (the same for both). */
  readonly grid: Float64Array;
  readonly original: RescalingSide;
  readonly rescaled: RescalingSide;
  /** max |f(w) − f(w′)| over the analysis samples' outputs: 0 up to float32 rounding. */
  readonly functionGap: number;
  /** max |slice − slice′| / max |slice|. */
  readonly sliceGap: number;
}
