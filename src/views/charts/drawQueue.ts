/**
 * Chart redraws, one per task: when an analysis arrives, every chart it touches would otherwise
 * redraw inside React's single commit, one long task. Queued here, each chart draws in its own
 * macrotask (a MessageChannel message, not throttled like timers), and a chart queued twice before
 * it drew draws once, with its latest data.
 */
const pending = new Map<object, () => void>();
let channel: MessageChannel | null = null;
let scheduled = false;

function runOne(): void {
  const next = pending.entries().next();
  if (next.done) {
    scheduled = false;
    return;
  }
  const [key, draw] = next.value;
  pending.delete(key);
  try {
    draw();
  } finally {
    if (pending.size > 0) channel?.port2.postMessage(null);
    else scheduled = false;
  }
}

/** Runs `draw` soon, in a task of its own; replaces a draw of `key` still waiting. */
export function scheduleDraw(key: object, draw: () => void): void {
  pending.set(key, draw);
  if (scheduled) return;
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = runOne;
  }
  scheduled = true;
  channel.port2.postMessage(null);
}

/** Drops a waiting draw of `key` (its chart is gone). */
export function cancelDraw(key: object): void {
  pending.delete(key);
}
