/** The simple-model job: one analysis at the chosen logit scale, and λmax over a scale sweep. */
import { progressRange } from '../../core/linalg/checkpoint';
import { analyzeSimpleModel, type SimpleModelOptions } from '../../core/simpleModel/simpleModel';
import type { ChunkOptions } from '../../core/types';
import type { SimpleModelJob, SimpleModelResult } from '../../protocol/jobs/simpleModelJob';

/** Logit scales of the sweep: 0.25 to 32, geometric. */
const SWEEP = Float64Array.from({ length: 15 }, (_, i) => 0.25 * 2 ** (i / 2));

export async function runSimpleModelJob(
  job: SimpleModelJob,
  opts: ChunkOptions,
): Promise<SimpleModelResult> {
  const base: SimpleModelOptions = {
    seed: job.seed,
    classes: job.classes,
    dim: job.dim,
    samples: job.samples,
    clusterStrength: job.clusterStrength,
    logitScale: job.logitScale,
  };
  const here = await analyzeSimpleModel(base, progressRange(opts, 0, 0.4));
  const lambdaMax = new Float64Array(SWEEP.length);
  for (const [i, scale] of SWEEP.entries()) {
    const at = await analyzeSimpleModel(
      { ...base, logitScale: scale },
      progressRange(opts, 0.4 + (0.6 * i) / SWEEP.length, 0.4 + (0.6 * (i + 1)) / SWEEP.length),
    );
    lambdaMax[i] = at.eigenvalues[0] ?? Number.NaN;
  }
  return {
    kind: 'simpleModel',
    eigenvalues: Float64Array.from(here.eigenvalues).reverse(),
    outliers: here.outliers.count,
    bulkEdge: here.outliers.bulkEdge,
    confinement: here.confinement.fraction,
    confinementBaseline: here.confinement.baseline,
    loss: here.model.loss,
    sweep: { scales: Float64Array.from(SWEEP), lambdaMax },
  };
}
