/**
 * Rescaling invariance on the running experiment: the first run's current weights (read through
 * the export) and their rescaled copy, measured side by side in the worker (SCIENCE.md §6.8).
 */
import type { RescalingJob } from '../protocol/jobs/rescalingJob';
import { engineClient } from './actions';

export const RESCALING_SIGMAS = [0.02, 0.05, 0.1, 0.2] as const;

/**
 * The comparison job for the first running run's current weights (read through the export), its
 * hidden layer 1 rescaled by `factor`; rejects without an engine or a run.
 */
export async function rescalingJobFor(factor: number): Promise<RescalingJob> {
  const client = engineClient();
  if (!client) throw new Error('the engine is not running');
  const doc = await client.requestExport();
  const run = doc.runs.find((r) => r.status === 'running') ?? doc.runs[0];
  if (!run) throw new Error('the experiment has no run to rescale');
  return {
    kind: 'rescaling',
    dataset: doc.spec.dataset,
    model: doc.spec.model,
    loss: doc.spec.loss,
    weights: Float32Array.from(run.final.weights),
    layer: 1,
    factor,
    sigmas: RESCALING_SIGMAS,
    draws: 32,
    seed: doc.spec.seed,
  };
}
