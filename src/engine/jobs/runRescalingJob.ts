/**
 * Measures a network and its rescaled copy (rescaleReluLayers) the same way: λmax (Lanczos), the
 * multiplicative and the additive local energy with common noise draws, and a filter-normalized
 * slice with common directions. The invariant measures agree; λmax and the additive one do not.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { DataSources } from '../../core/data/makeDataset';
import { localEnergy } from '../../core/flatness/localEnergy';
import { progressRange } from '../../core/linalg/checkpoint';
import { rescaleReluLayers } from '../../core/models/rescaleReluLayers';
import { createRng } from '../../core/random';
import { filterNormalizedPlane } from '../../core/slices/filterNormalizedDirection';
import { linspace, lossSurface } from '../../core/slices/lossSurface';
import { hessianOperator } from '../../core/spectrum/hessianOperator';
import { lanczos } from '../../core/spectrum/lanczos';
import type { ChunkOptions } from '../../core/types';
import type {
  RescalingJob,
  RescalingResult,
  RescalingSide,
} from '../../protocol/jobs/rescalingJob';
import { landscapeOf, type Landscape } from '../analyses/landscape';

const GRID = linspace(-0.5, 0.5, 21);

async function measure(
  landscape: Landscape,
  w: Float32Array,
  job: RescalingJob,
  opts: ChunkOptions,
): Promise<RescalingSide> {
  const op = hessianOperator(landscape.loss, w);
  let lambdaMax: number;
  try {
    const top = await lanczos(
      op,
      { k: 1, which: 'top', rng: createRng(job.seed, 'probes') },
      progressRange(opts, 0, 0.4),
    );
    lambdaMax = top.top[0]?.value ?? Number.NaN;
  } finally {
    op.dispose();
  }
  const energy = (noise: 'multiplicative' | 'additive', from: number, to: number) =>
    localEnergy(
      landscape.evaluate,
      w,
      { sigmas: job.sigmas, samples: job.draws, seed: job.seed, noise },
      progressRange(opts, from, to),
    );
  const mult = await energy('multiplicative', 0.4, 0.6);
  const add = await energy('additive', 0.6, 0.8);
  const plane = filterNormalizedPlane(landscape.model.layout, w, createRng(job.seed, 'directions'));
  const surface = await lossSurface(
    landscape.objective,
    plane,
    { a: GRID, b: GRID },
    progressRange(opts, 0.8, 1),
  );
  return {
    lambdaMax,
    energyMultiplicative: Float64Array.from(mult.loss, (s) => s.mean),
    energyAdditive: Float64Array.from(add.loss, (s) => s.mean),
    slice: Float32Array.from(surface.loss),
  };
}

export async function runRescalingJob(
  job: RescalingJob,
  opts: ChunkOptions,
  sources: DataSources = {},
): Promise<RescalingResult> {
  if (job.model.kind !== 'mlp' || job.model.activation !== 'relu') {
    throw new Error('rescaling invariance holds for ReLU MLPs: choose an MLP with relu units');
  }
  const landscape = landscapeOf(job, sources);
  const { model } = landscape;
  try {
    if (job.weights.length !== model.paramCount) {
      throw new Error(`expected ${model.paramCount} weights, got ${job.weights.length}`);
    }
    const rescaledWeights = rescaleReluLayers(model.layout, job.weights, job.layer, job.factor);
    const functionGap = tf.tidy(() => {
      const a = model.forward(tf.tensor1d(job.weights), landscape.objective.x);
      const b = model.forward(tf.tensor1d(rescaledWeights), landscape.objective.x);
      return tf.max(tf.abs(tf.sub(a, b)));
    });
    const gap = (await functionGap.data())[0] ?? Number.NaN;
    functionGap.dispose();
    const original = await measure(landscape, job.weights, job, progressRange(opts, 0, 0.5));
    const rescaled = await measure(landscape, rescaledWeights, job, progressRange(opts, 0.5, 1));
    let num = 0;
    let den = 0;
    for (let i = 0; i < original.slice.length; i++) {
      num = Math.max(num, Math.abs((original.slice[i] ?? 0) - (rescaled.slice[i] ?? 0)));
      den = Math.max(den, Math.abs(original.slice[i] ?? 0));
    }
    return {
      kind: 'rescaling',
      sigmas: Float64Array.from(job.sigmas),
      grid: GRID,
      original,
      rescaled,
      functionGap: gap,
      sliceGap: den > 0 ? num / den : 0,
    };
  } finally {
    landscape.dispose();
  }
}
