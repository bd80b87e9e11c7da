/**
 * The Goldilocks sweep: at each radius r, the restricted-Hessian measures averaged over random
 * hyperplanes, and the loss reached by training φ in one of them from θ₀ = r·θ_init.
 */
import * as tf from '@tensorflow/tfjs-core';
import { makeDataset } from '../../core/data/makeDataset';
import { randomHyperplane } from '../../core/hyperplane/randomHyperplane';
import { goldilocksMeasures, restrictedHessian } from '../../core/hyperplane/restrictedHessian';
import { trainInHyperplane } from '../../core/hyperplane/trainInHyperplane';
import { progressRange } from '../../core/linalg/checkpoint';
import { makeLoss } from '../../core/losses/makeLoss';
import { makeModel } from '../../core/models/makeModel';
import { evaluate, makeTrainingProblem } from '../../core/problem';
import { createRng } from '../../core/random';
import { hessianOperator } from '../../core/spectrum/hessianOperator';
import type { ChunkOptions } from '../../core/types';
import type { GoldilocksJob, GoldilocksResult } from '../../protocol/jobs/goldilocksJob';
import { ANALYSIS_SAMPLES } from '../analyses/landscape';
import { sliceSplit } from '../../core/data/split';

export async function runGoldilocksJob(
  job: GoldilocksJob,
  opts: ChunkOptions,
): Promise<GoldilocksResult> {
  const dataset = makeDataset(job.dataset, job.seed);
  const model = makeModel(job.model, dataset);
  const loss = makeLoss(job.loss, dataset.labelKind);
  const init = model.init(createRng(job.seed, 'init'));
  const D = model.paramCount;
  const d = Math.min(job.subspaceDim, D);
  const count = Math.min(dataset.train.count, ANALYSIS_SAMPLES);
  const split = sliceSplit(dataset.train, dataset.inputDim, 0, count);
  const x = tf.tensor2d(split.x, [split.count, dataset.inputDim]);
  const y = tf.tensor1d(Float32Array.from(split.y));
  const f = (w: tf.Tensor1D) => tf.tidy(() => loss(model.forward(w, x), y));
  const n = job.scales.length;
  const result = {
    traceOverFrobenius: new Float64Array(n),
    traceOverFrobeniusSpread: new Float64Array(n),
    positiveFraction: new Float64Array(n),
    initialLoss: new Float64Array(n),
    finalLoss: new Float64Array(n),
    finalError: new Float64Array(n),
  };
  try {
    for (const [i, r] of job.scales.entries()) {
      const at = (from: number, to: number) => progressRange(opts, (i + from) / n, (i + to) / n);
      const theta0 = Float32Array.from(init, (v) => v * r);
      const ratios: number[] = [];
      let positive = 0;
      const op = hessianOperator(f, theta0);
      try {
        for (let h = 0; h < job.hyperplanes; h++) {
          const plane = randomHyperplane(D, d, { seed: job.seed + 1000 * h });
          const hd = await restrictedHessian(
            op,
            plane,
            at((0.6 * h) / job.hyperplanes, (0.6 * (h + 1)) / job.hyperplanes),
          );
          const m = goldilocksMeasures(hd, d);
          ratios.push(m.traceOverFrobenius);
          positive += m.positiveFraction / job.hyperplanes;
        }
      } finally {
        op.dispose();
      }
      const mean = ratios.reduce((a, b) => a + b, 0) / ratios.length;
      const spread = Math.sqrt(
        ratios.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, ratios.length - 1),
      );
      result.traceOverFrobenius[i] = mean;
      result.traceOverFrobeniusSpread[i] = spread;
      result.positiveFraction[i] = positive;
      const w0 = tf.tensor1d(theta0);
      result.initialLoss[i] = (await evaluate(model, loss, split, w0)).loss;
      w0.dispose();
      if (job.trainSteps > 0) {
        const problem = makeTrainingProblem({ model, loss, train: dataset.train, seed: job.seed });
        const trained = await trainInHyperplane(
          problem,
          theta0,
          randomHyperplane(D, d, { seed: job.seed }),
          { steps: job.trainSteps, learningRate: job.learningRate, batchSize: job.batchSize },
          at(0.6, 1),
        );
        const w = tf.tensor1d(trained.theta);
        const end = await evaluate(model, loss, dataset.train, w);
        w.dispose();
        result.finalLoss[i] = end.loss;
        result.finalError[i] = end.error;
      } else {
        result.finalLoss[i] = result.initialLoss[i] ?? Number.NaN;
        result.finalError[i] = Number.NaN;
      }
    }
  } finally {
    x.dispose();
    y.dispose();
  }
  return {
    kind: 'goldilocks',
    scales: Float64Array.from(job.scales),
    subspaceDim: d,
    paramCount: D,
    ...result,
  };
}
