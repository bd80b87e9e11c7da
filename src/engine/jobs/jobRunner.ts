/**
 * Runs the page's one-off jobs beside the experiment, one after another, each cancellable, with
 * throttled progress. Host-agnostic like the Session: the worker passes its post and yield.
 */
import { CancelledError } from '../../core/cancel';
import type { FromWorker, ToWorker } from '../../protocol/messages';
import type { DataSources } from '../../core/data/makeDataset';
import { runJob } from './runJob';

type JobMessage = Extract<ToWorker, { type: 'job' | 'cancelJob' }>;

/** Shortest interval between two progress messages of a job. */
const PROGRESS_MS = 100;

export class JobRunner {
  private readonly cancelled = new Set<number>();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly post: (message: FromWorker) => void,
    private readonly yieldToHost: () => Promise<void>,
    private readonly now: () => number,
    /** The data files loaded for the running experiment (jobs on its weights need its MNIST). */
    private readonly sources: () => DataSources = () => ({}),
  ) {}

  handle(message: JobMessage): void {
    if (message.type === 'cancelJob') {
      this.cancelled.add(message.id);
      return;
    }
    const { id, job } = message;
    this.queue = this.queue.then(async () => {
      const cancelled = this.cancelled;
      const signal = {
        get aborted() {
          return cancelled.has(id);
        },
      };
      let lastProgress = -Infinity;
      try {
        const result = await runJob(
          job,
          {
            signal,
            yieldToHost: this.yieldToHost,
            onProgress: (fraction) => {
              const t = this.now();
              if (t - lastProgress < PROGRESS_MS) return;
              lastProgress = t;
              this.post({ type: 'jobProgress', id, fraction });
            },
          },
          this.sources(),
        );
        this.post({ type: 'jobResult', id, result });
      } catch (error) {
        this.post({
          type: 'jobError',
          id,
          cancelled: error instanceof CancelledError,
          text: error instanceof Error ? error.message : String(error),
        });
      } finally {
        this.cancelled.delete(id);
      }
    });
  }
}
