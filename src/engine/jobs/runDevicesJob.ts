/** The two-device job: committee then parity machine on one seed's patterns (core/binary). */
import { compareDevices } from '../../core/binary/compareDevices';
import type { ChunkOptions } from '../../core/types';
import type { DevicesJob, DevicesResult } from '../../protocol/jobs/devicesJob';

export async function runDevicesJob(job: DevicesJob, opts: ChunkOptions): Promise<DevicesResult> {
  const comparison = await compareDevices(
    {
      inputs: job.inputs,
      hidden: job.hidden,
      tree: job.tree,
      alpha: job.alpha,
      seeds: [job.seed],
      solver: job.solver,
      sweeps: job.sweeps,
      distances: job.distances,
      samples: job.samples,
      machines: ['committee', 'parity'],
    },
    opts,
  );
  return { kind: 'devices', ...comparison };
}
