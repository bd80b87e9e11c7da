/**
 * Items that arrive between two animation frames, handed over together at the next one: the
 * engine's snapshots (10–20 a second, bursts after a busy stretch) land in the store as one update,
 * one render and one changed frame, however many came.
 */
import { nextFrame } from './nextFrame';

export interface FrameBatch<T> {
  /** Queues `item`; the batch is applied at the next frame. */
  push(item: T): void;
  /** Applies what is queued now (before an event that must see it). */
  flush(): void;
  /** Drops what is queued (the state it was for is gone). */
  discard(): void;
}

/** `apply` receives the queued items in arrival order, once per frame that has any. */
export function createFrameBatch<T>(
  apply: (items: readonly T[]) => void,
  schedule: (work: () => void) => void = nextFrame,
): FrameBatch<T> {
  let queued: T[] = [];
  let scheduled = false;
  const flush = () => {
    if (queued.length === 0) return;
    const items = queued;
    queued = [];
    apply(items);
  };
  return {
    push(item) {
      queued.push(item);
      if (scheduled) return;
      scheduled = true;
      schedule(() => {
        scheduled = false;
        flush();
      });
    },
    flush,
    discard() {
      queued = [];
    },
  };
}
