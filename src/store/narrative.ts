/**
 * Which narrative steps a lecture may show: a step that waits for a milestone (Play pressed, a
 * panel's first analysis after Play, the verdict) becomes available once that happened, and only
 * after every step before it.
 */
import type { Milestone, NarrativeStep } from '../protocol/preset';
import { stepMilestone } from '../protocol/preset';
import type { AppState } from './appStore';

/** The milestones reached on the page now. */
export function reachedMilestones(
  state: Pick<AppState, 'tick' | 'engine' | 'verdict'> & {
    readonly analysis: Pick<AppState['analysis'], 'ticks'>;
  },
): ReadonlySet<Milestone> {
  const reached = new Set<Milestone>();
  const after = (t: number | null) => t !== null && t > 0;
  if (state.tick > 0 || state.engine === 'playing') reached.add('play');
  if (after(state.analysis.ticks.slice)) reached.add('slice');
  if (after(state.analysis.ticks.spectrum)) reached.add('spectrum');
  if (after(state.analysis.ticks.flatness)) reached.add('flatness');
  if (state.verdict !== null && state.verdict !== 'reading') reached.add('verdict');
  return reached;
}

/** How many leading steps of `narrative` are available (at least the first). */
export function availableSteps(
  narrative: readonly NarrativeStep[],
  reached: ReadonlySet<Milestone>,
): number {
  let n = 0;
  for (const step of narrative) {
    const milestone = stepMilestone(step);
    if (milestone && !reached.has(milestone) && n > 0) break;
    n += 1;
  }
  return Math.min(Math.max(n, Math.min(1, narrative.length)), narrative.length);
}
