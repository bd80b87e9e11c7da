/**
 * The local free entropy Φ(γ) of every running run's current weights (read through the export),
 * computed as a job beside the experiment: the flatness panel's second local-entropy estimator.
 */
import type { FreeEntropyJob } from '../protocol/jobs/freeEntropyJob';
import { engineClient } from './actions';

/** Relative radii r = √(D/γ)/‖w‖ of the ladder: 1% to 30%, the range of δE's σ. */
export const FREE_ENTROPY_RADII = Array.from({ length: 9 }, (_, k) => 0.01 * 30 ** (k / 8));

/** Langevin steps averaged per γ (after as many for burn-in). */
export const FREE_ENTROPY_STEPS = 100;

/** The job for the runs' current weights; rejects without an engine or a run. */
export async function freeEntropyJob(): Promise<FreeEntropyJob> {
  const client = engineClient();
  if (!client) throw new Error('the engine is not running');
  const doc = await client.requestExport();
  const runs = doc.runs
    .filter((r) => r.status === 'running')
    .map((r) => ({ id: r.id, weights: Float32Array.from(r.final.weights) }));
  if (runs.length === 0) throw new Error('no run is training: there are no weights to measure');
  return {
    kind: 'freeEntropy',
    dataset: doc.spec.dataset,
    model: doc.spec.model,
    loss: doc.spec.loss,
    runs,
    radii: FREE_ENTROPY_RADII,
    steps: FREE_ENTROPY_STEPS,
    seed: doc.spec.seed,
  };
}
