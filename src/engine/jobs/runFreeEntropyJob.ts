/**
 * Φ(γ) − Φ_flat(γ) of each run's weights (protocol/jobs/freeEntropyJob.ts), by the Langevin
 * thermodynamic integration of core/flatness/localFreeEntropy on the analysis samples' loss.
 */
import type { DataSources } from '../../core/data/makeDataset';
import { localFreeEntropy } from '../../core/flatness/localFreeEntropy';
import { progressRange } from '../../core/linalg/checkpoint';
import type { ChunkOptions } from '../../core/types';
import type {
  FreeEntropyJob,
  FreeEntropyResult,
  FreeEntropyRun,
} from '../../protocol/jobs/freeEntropyJob';
import { landscapeOf } from '../analyses/landscape';

export async function runFreeEntropyJob(
  job: FreeEntropyJob,
  opts: ChunkOptions,
  sources: DataSources = {},
): Promise<FreeEntropyResult> {
  const landscape = landscapeOf(job, sources);
  const { model } = landscape;
  const radii = Float64Array.from(job.radii).sort();
  try {
    const runs: FreeEntropyRun[] = [];
    for (const [i, run] of job.runs.entries()) {
      if (run.weights.length !== model.paramCount) {
        throw new Error(
          `expected ${model.paramCount} weights for ${run.id}, got ${run.weights.length}`,
        );
      }
      let norm2 = 0;
      for (const x of run.weights) norm2 += x * x;
      const gammas = Float64Array.from(radii, (r) => model.paramCount / (r * r * norm2));
      const phi = await localFreeEntropy(
        landscape.loss,
        run.weights,
        { gammas: Array.from(gammas), steps: job.steps, burnIn: job.steps, seed: job.seed },
        progressRange(opts, i / job.runs.length, (i + 1) / job.runs.length),
      );
      // localFreeEntropy returns the ladder descending in γ: ascending in r, as `radii`.
      runs.push({ id: run.id, gammas: phi.gammas, excess: phi.excess });
    }
    return { kind: 'freeEntropy', radii, runs };
  } finally {
    landscape.dispose();
  }
}
