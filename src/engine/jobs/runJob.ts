/** Runs one job of src/protocol/jobs.ts (chunked: progress, cancel, yields to the host). */
import type { DataSources } from '../../core/data/makeDataset';
import type { ChunkOptions } from '../../core/types';
import type { JobResult, JobSpec } from '../../protocol/jobs';
import { runBinaryJob } from './runBinaryJob';
import { runDevicesJob } from './runDevicesJob';
import { runFreeEntropyJob } from './runFreeEntropyJob';
import { runGoldilocksJob } from './runGoldilocksJob';
import { runRescalingJob } from './runRescalingJob';
import { runSimpleModelJob } from './runSimpleModelJob';

/** `sources`: the data files the worker loaded for the experiment (its MNIST digits). */
export function runJob(
  job: JobSpec,
  opts: ChunkOptions,
  sources: DataSources = {},
): Promise<JobResult> {
  switch (job.kind) {
    case 'simpleModel':
      return runSimpleModelJob(job, opts);
    case 'binary':
      return runBinaryJob(job, opts);
    case 'devices':
      return runDevicesJob(job, opts);
    case 'goldilocks':
      return runGoldilocksJob(job, opts);
    case 'rescaling':
      return runRescalingJob(job, opts, sources);
    case 'freeEntropy':
      return runFreeEntropyJob(job, opts, sources);
  }
}
