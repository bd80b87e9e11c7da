/**
 * One-off computations the page asks the worker for, beside the running experiment: each job is
 * a plain spec in, a plain result out, with progress and a cancel. Add a kind here, its runner in
 * src/engine/jobs/runJob.ts, and the page can run it through `EngineClient.runJob`.
 */
import type { SimpleModelJob, SimpleModelResult } from './jobs/simpleModelJob';
import type { BinaryJob, BinaryResult } from './jobs/binaryJob';
import type { GoldilocksJob, GoldilocksResult } from './jobs/goldilocksJob';
import type { FreeEntropyJob, FreeEntropyResult } from './jobs/freeEntropyJob';
import type { RescalingJob, RescalingResult } from './jobs/rescalingJob';
import type { DevicesJob, DevicesResult } from './jobs/devicesJob';

export type JobSpec =
  SimpleModelJob | BinaryJob | DevicesJob | GoldilocksJob | RescalingJob | FreeEntropyJob;
export type JobResult =
  | SimpleModelResult
  | BinaryResult
  | DevicesResult
  | GoldilocksResult
  | RescalingResult
  | FreeEntropyResult;
export type JobKind = JobSpec['kind'];

/** The result type of a job kind. */
export type ResultOf<K extends JobKind> = Extract<JobResult, { kind: K }>;
