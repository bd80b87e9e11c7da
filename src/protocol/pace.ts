/**
 * How fast an experiment plays on the page. Playback state, not part of the experiment: it never
 * goes in the link and never changes a number, only when the numbers are computed.
 */
export type Pace = 'slow' | 'normal' | 'fast' | 'unpaced';

export const PACES: readonly Pace[] = ['slow', 'normal', 'fast', 'unpaced'];

export const PACE_LABELS: Readonly<Record<Pace, string>> = {
  slow: 'Slow',
  normal: 'Normal',
  fast: 'As fast as analyses allow',
  unpaced: 'Unpaced (panels may lag)',
};

/** Seconds a budget plays in at the paced speeds, if the analyses keep up. */
export const PACE_SECONDS: Readonly<Record<'slow' | 'normal', number>> = { slow: 75, normal: 30 };

/** Ticks per second of an open-ended experiment (budget 0) at normal pace; slow is 2.5× slower. */
export const OPEN_ENDED_TICKS_PER_SECOND = 20;

export const DEFAULT_PACE: Pace = 'normal';

export function isPace(value: unknown): value is Pace {
  return typeof value === 'string' && (PACES as readonly string[]).includes(value);
}
