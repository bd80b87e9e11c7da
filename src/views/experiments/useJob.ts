import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobKind, JobSpec, ResultOf } from '../../protocol/jobs';
import { startJob, wasCancelled, type RunningJob } from '../../store/jobActions';

export type JobStatus<K extends JobKind> =
  | { readonly state: 'idle' }
  | { readonly state: 'running'; readonly fraction: number }
  | {
      readonly state: 'done';
      readonly result: ResultOf<K>;
      readonly job: Extract<JobSpec, { kind: K }>;
    }
  | { readonly state: 'cancelled' }
  | { readonly state: 'failed'; readonly message: string };

/**
 * One job of kind K at a time for a component: `run(job)` cancels the previous one and starts
 * the next; the status follows the newest only. Unmounting cancels what is under way.
 */
export function useJob<K extends JobKind>(
  /** Called with each finished result and the job that computed it. */
  onResult?: (result: ResultOf<K>, job: Extract<JobSpec, { kind: K }>) => void,
): {
  status: JobStatus<K>;
  /** The newest finished result, kept while the next job runs (charts do not blink). */
  last: ResultOf<K> | null;
  run: (job: Extract<JobSpec, { kind: K }>) => void;
  cancel: () => void;
} {
  const [status, setStatus] = useState<JobStatus<K>>({ state: 'idle' });
  const [last, setLast] = useState<ResultOf<K> | null>(null);
  const current = useRef<RunningJob<K> | null>(null);
  const resultCallback = useRef(onResult);
  useEffect(() => {
    resultCallback.current = onResult;
  });

  const cancel = useCallback(() => {
    current.current?.cancel();
    current.current = null;
  }, []);

  const run = useCallback(
    (job: Extract<JobSpec, { kind: K }>) => {
      cancel();
      const running = startJob<K>(job, (fraction) => {
        if (current.current === running) setStatus({ state: 'running', fraction });
      });
      current.current = running;
      if (!running) {
        setStatus({ state: 'failed', message: 'the engine is not running' });
        return;
      }
      setStatus({ state: 'running', fraction: 0 });
      running.result.then(
        (result) => {
          if (current.current !== running) return;
          current.current = null;
          setStatus({ state: 'done', result, job });
          setLast(result);
          resultCallback.current?.(result, job);
        },
        (error: unknown) => {
          // Superseded by a newer job: that one owns the status. (null: the user cancelled.)
          if (current.current !== running && current.current !== null) return;
          current.current = null;
          setStatus(
            wasCancelled(error)
              ? { state: 'cancelled' }
              : {
                  state: 'failed',
                  message: error instanceof Error ? error.message : String(error),
                },
          );
        },
      );
    },
    [cancel],
  );

  useEffect(() => cancel, [cancel]);
  return { status, last, run, cancel };
}
