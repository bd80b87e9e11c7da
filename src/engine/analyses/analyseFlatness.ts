/**
 * A run's flatness at its current weights: the multiplicative local energy δE(σ) on the error and
 * on the loss, and the shell local entropy (fraction of points at relative radius d that are still
 * as good as w). Every run is measured with the same noise draws (common random numbers).
 */
import type * as tf from '@tensorflow/tfjs-core';
import { progressRange } from '../../core/linalg/checkpoint';
import { localEnergy } from '../../core/flatness/localEnergy';
import { shellLocalEntropy } from '../../core/flatness/shellLocalEntropy';
import type { ChunkOptions } from '../../core/types';
import type { FlatnessResult } from '../../protocol/analysis';
import type { AnalysisSpec } from '../../protocol/experimentSpec';
import type { Landscape } from './landscape';

export async function analyseFlatness(
  landscape: Landscape,
  target: { runId: string; step: number; weights: tf.Tensor1D; seed: number },
  settings: NonNullable<AnalysisSpec['flatness']>,
  opts: ChunkOptions,
): Promise<FlatnessResult> {
  const w = await target.weights.data();
  const energy = await localEnergy(
    landscape.evaluate,
    w,
    { sigmas: settings.sigmas, samples: settings.draws, seed: target.seed },
    progressRange(opts, 0, 0.6),
  );
  const shell = await shellLocalEntropy(
    landscape.evaluate,
    w,
    {
      radii: settings.radii,
      samples: settings.draws,
      seed: target.seed,
      tolerance: settings.tolerance,
    },
    progressRange(opts, 0.6, 1),
  );
  return {
    runId: target.runId,
    step: target.step,
    sigmas: energy.sigmas,
    energyError: Float64Array.from(energy.error, (s) => s.mean),
    energyErrorSpread: Float64Array.from(energy.error, (s) => s.std),
    energyLoss: Float64Array.from(energy.loss, (s) => s.mean),
    energyLossSpread: Float64Array.from(energy.loss, (s) => s.std),
    radii: shell.radii,
    shellFraction: shell.fraction,
  };
}
