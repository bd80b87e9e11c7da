/**
 * The start of the next animation frame: work done there lands in that frame's style, layout and
 * paint. Every frame that changes a pixel is expensive here (software compositing redraws the
 * whole viewport: ~30–80 ms of GPU-process CPU per changed frame, against ~0.3 ms for an unchanged
 * one), so the page gathers its changes into as few frames as it can.
 */

/** A frame later than this is no frame (a hidden tab pauses them): the work runs anyway. */
export const FRAME_FALLBACK_MS = 1000;

/** Runs `work` once, at the next animation frame (or after FRAME_FALLBACK_MS without one). */
export function nextFrame(work: () => void): void {
  if (typeof requestAnimationFrame !== 'function') {
    // Node (tests): no frames, so soon after the current task.
    queueMicrotask(work);
    return;
  }
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    work();
  };
  const timer = setTimeout(once, FRAME_FALLBACK_MS);
  requestAnimationFrame(once);
}
