/**
 * Rescaling invariance on the running experiment: the first run's current weights (read through
 * the export) and their rescaled copy, measured side by side in the worker (SCIENCE.md §6.8).
 */
import type { RescalingResult } from '../protocol/jobs/rescalingJob';
import { engineClient } from './actions';

export type { RescalingResult };

export const RESCALING_SIGMAS = [0.02, 0.05, 0.1, 0.2] as const;

/** Starts the comparison for hidden layer 1 rescaled by `factor`; null without an engine. */
export function runRescaling(
  factor: number,
  onProgress: (fraction: number) => void,
): { result: Promise<RescalingResult>; cancel: () => void } | null {
  const client = engineClient();
  if (!client) return null;
  let cancelled = false;
  let cancelJob: () => void = () => {
    cancelled = true;
  };
  const result = client.requestExport().then((doc) => {
    const run = doc.runs.find((r) => r.status === 'running') ?? doc.runs[0];
    if (!run) throw new Error('the experiment has no run to rescale');
    if (cancelled) throw Object.assign(new Error('cancelled'), { cancelled: true });
    const handle = client.runJob(
      {
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
      },
      onProgress,
    );
    cancelJob = handle.cancel;
    return handle.result;
  });
  return { result, cancel: () => cancelJob() };
}
