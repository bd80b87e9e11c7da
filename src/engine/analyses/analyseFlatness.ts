/**
 * A run's flatness at its current weights: the multiplicative local energy δE(σ) on the error and
 * on the loss, and the shell local entropy (fraction of points at relative radius d that are still
 * as good as w). Every run is measured with the same noise draws (common random numbers), and
 * the shells of all runs are counted at one error level (`shellLevel`, the worst of the runs'
 * training errors): "still as good as the worse minimum", the same bar for every run. For
 * solutions (zero training error) that is the paper's "still a solution".
 */
import type * as tf from '@tensorflow/tfjs-core';
import { progressRange } from '../../core/linalg/checkpoint';
import { localEnergy } from '../../core/flatness/localEnergy';
import { shellLocalEntropy } from '../../core/flatness/shellLocalEntropy';
import type { ChunkOptions } from '../../core/types';
import type { FlatnessResult } from '../../protocol/analysis';
import type { AnalysisSpec } from '../../protocol/experimentSpec';
import type { Landscape } from './landscape';

/** The error level every run's shell is counted at: the largest of their training errors. */
export async function commonShellLevel(
  landscape: Landscape,
  weights: readonly tf.Tensor1D[],
): Promise<number> {
  if (weights.length === 0) return 0;
  const points = await Promise.all(weights.map((w) => w.data()));
  const { error } = await landscape.evaluate(points);
  return Math.max(...Array.from(error));
}

export async function analyseFlatness(
  landscape: Landscape,
  target: { runId: string; step: number; weights: tf.Tensor1D; seed: number },
  settings: NonNullable<AnalysisSpec['flatness']>,
  opts: ChunkOptions,
  shellLevel?: number,
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
      ...(shellLevel !== undefined ? { level: shellLevel } : {}),
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
