/**
 * Chart redraws, batched by frame and bounded in time. A commit that changes charts (a snapshot
 * landing, an analysis arriving) queues their redraws; they start right after it, in the same
 * task and so in the same frame as the rest of that commit, and stop once DRAW_BUDGET_MS have
 * passed; what is left draws at the start of the next frames, a budget per frame. So a snapshot
 * changes one frame, not one per chart (every changed frame costs the compositor a full redraw),
 * and an analysis touching a dozen charts is a few bounded tasks, not one long one. A chart queued
 * twice before it drew draws once, with its latest data.
 */
import { nextFrame } from '../../store/nextFrame';

/** Drawing stops for the frame once this long has passed (at least one chart draws). */
export const DRAW_BUDGET_MS = 10;

export interface DrawScheduler {
  /** Soon after the current task's synchronous work (a microtask). */
  readonly soon: (work: () => void) => void;
  /** At the next animation frame. */
  readonly frame: (work: () => void) => void;
  readonly now: () => number;
}

const browserScheduler: DrawScheduler = {
  soon: (work) => queueMicrotask(work),
  frame: nextFrame,
  now: () => performance.now(),
};

/** A queue of redraws by chart; the page has one (below), tests make their own. */
export function createDrawQueue(scheduler: DrawScheduler = browserScheduler) {
  const pending = new Map<object, () => void>();
  let scheduled = false;

  function drain(): void {
    const start = scheduler.now();
    try {
      for (const [key, draw] of pending) {
        pending.delete(key);
        draw();
        if (scheduler.now() - start >= DRAW_BUDGET_MS) break;
      }
    } finally {
      if (pending.size > 0) scheduler.frame(drain);
      else scheduled = false;
    }
  }

  return {
    /** Runs `draw` soon (see above); replaces a draw of `key` still waiting. */
    schedule(key: object, draw: () => void): void {
      pending.set(key, draw);
      if (scheduled) return;
      scheduled = true;
      scheduler.soon(drain);
    },
    /** Drops a waiting draw of `key` (its chart is gone). */
    cancel(key: object): void {
      pending.delete(key);
    },
  };
}

const queue = createDrawQueue();

/** Runs `draw` soon, batched with the other charts' (see above). */
export function scheduleDraw(key: object, draw: () => void): void {
  queue.schedule(key, draw);
}

/** Drops a waiting draw of `key` (its chart is gone). */
export function cancelDraw(key: object): void {
  queue.cancel(key);
}
