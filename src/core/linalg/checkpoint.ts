import { throwIfCancelled } from '../cancel';
import type { ChunkOptions } from '../types';

/**
 * The boundary between two chunks of a long computation: reports `fraction` done, rejects with
 * `CancelledError` if the signal was aborted, then lets the host run (`yieldToHost`).
 */
export async function checkpoint(opts: ChunkOptions | undefined, fraction: number): Promise<void> {
  opts?.onProgress?.(Math.min(1, Math.max(0, fraction)));
  throwIfCancelled(opts?.signal);
  if (opts?.yieldToHost) await opts.yieldToHost();
  throwIfCancelled(opts?.signal);
}

/**
 * The same options for a sub-computation that covers the fraction `[from, to]` of the whole:
 * its progress `f` is reported as `from + f·(to − from)`.
 */
export function progressRange(
  opts: ChunkOptions | undefined,
  from: number,
  to: number,
): ChunkOptions {
  const onProgress = opts?.onProgress;
  return {
    ...opts,
    onProgress: onProgress ? (f) => onProgress(from + f * (to - from)) : undefined,
  };
}
