/**
 * The pacing rule of a playing experiment, as pure functions of the scheduler's state (the Session
 * applies them; tests drive them with a fake clock):
 * - **keep up**: while an analysis runs, a tick may run only if it stays within one cadence of
 *   the newest analysis on screen — no panel is ever more than one cadence behind the runs, and
 *   no cadence point is skipped; `unpaced` lifts this (analyses then run beside training and
 *   start at whatever tick it has reached);
 * - **budget**: Play stops at the experiment's budget unless the viewer chose to go beyond it;
 * - **rate**: at `slow` and `normal` a tick may start only once its time has come, so a budget
 *   plays in `PACE_SECONDS` when analyses keep up; `fast` and `unpaced` train as fast as allowed.
 */
import { OPEN_ENDED_TICKS_PER_SECOND, PACE_SECONDS, type Pace } from '../protocol/pace';

/** Ticks per second at `pace` for an experiment of `budget` ticks; Infinity for no cap. */
export function ticksPerSecond(pace: Pace, budget: number): number {
  if (pace === 'fast' || pace === 'unpaced') return Number.POSITIVE_INFINITY;
  if (budget <= 0) return OPEN_ENDED_TICKS_PER_SECOND / (pace === 'slow' ? 2.5 : 1);
  return budget / PACE_SECONDS[pace];
}

export interface KeepUpState {
  readonly pace: Pace;
  /** The spec's `analysis.wait`: every analysis blocks training. */
  readonly waitAlways: boolean;
  /** Analysis cadence in ticks (0: on request only). */
  readonly every: number;
  readonly tick: number;
  /** The tick of the newest analysis that landed (−Infinity before the first). */
  readonly landedTick: number;
}

/** Must training wait for the running analysis before its next tick? */
export function mustWaitForAnalysis(s: KeepUpState): boolean {
  if (s.waitAlways) return true;
  if (s.pace === 'unpaced' || s.every <= 0) return false;
  return s.tick + 1 - s.landedTick > s.every;
}

/** Has Play reached the end of the experiment? (`beyond`: the viewer chose to play on.) */
export function atBudget(tick: number, budget: number, beyond: boolean): boolean {
  return budget > 0 && !beyond && tick >= budget;
}

/**
 * When the next tick may start: one interval after the previous tick was due, which absorbs the
 * timer's jitter; after a longer gap (a pause, a wait for an analysis) the schedule restarts from
 * now, so a wait never turns into a burst of catch-up ticks.
 */
export class TickClock {
  private due = Number.NEGATIVE_INFINITY;

  constructor(private rate: number) {}

  setRate(rate: number): void {
    this.rate = rate;
  }

  /** Milliseconds until the next tick may start (0: now). */
  delay(now: number): number {
    return Number.isFinite(this.rate) ? Math.max(0, this.due - now) : 0;
  }

  /** Records that a tick started at `now`. */
  started(now: number): void {
    if (!Number.isFinite(this.rate)) return;
    const interval = 1000 / this.rate;
    this.due = now - this.due > interval ? now + interval : this.due + interval;
  }

  /** Forgets the past (Play after a pause starts at once). */
  restart(): void {
    this.due = Number.NEGATIVE_INFINITY;
  }
}
