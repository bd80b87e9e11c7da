/**
 * One-off jobs beside the running experiment (src/protocol/jobs.ts): the views start them here,
 * never on the client directly. Each returns its result promise and a cancel.
 */
import { JobError } from '../client/engineClient';
import type { JobKind, JobSpec, ResultOf } from '../protocol/jobs';
import { engineClient } from './actions';

export interface RunningJob<K extends JobKind> {
  readonly result: Promise<ResultOf<K>>;
  readonly cancel: () => void;
}

/** Starts `job` in the engine's worker; null while no engine is attached. */
export function startJob<K extends JobKind>(
  job: Extract<JobSpec, { kind: K }>,
  onProgress?: (fraction: number) => void,
): RunningJob<K> | null {
  return engineClient()?.runJob<K>(job, onProgress) ?? null;
}

/** Did the job end because the page cancelled it (not a failure to report)? */
export function wasCancelled(error: unknown): boolean {
  return error instanceof JobError && error.cancelled;
}
