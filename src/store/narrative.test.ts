import { describe, expect, it } from 'vitest';
import type { NarrativeStep } from '../protocol/preset';
import { emptyAnalysis } from './analysisState';
import { availableSteps, reachedMilestones } from './narrative';

const story: NarrativeStep[] = [
  'Same start, two optimizers.',
  { text: 'Both descend.', after: 'play' },
  { text: 'Look at the flatness panel.', after: 'flatness' },
  { text: 'The verdict.', after: 'verdict' },
];

describe('the lecture narrative', () => {
  const base = { tick: 0, engine: 'paused', analysis: emptyAnalysis(), verdict: null } as const;

  it('holds a step back until its panel has an analysis from after Play', () => {
    expect(availableSteps(story, reachedMilestones(base))).toBe(1);
    const playing = reachedMilestones({ ...base, engine: 'playing' });
    expect(availableSteps(story, playing)).toBe(2);
    // The step-0 analysis is not "after Play": the flatness step still waits.
    const atStart = { ...emptyAnalysis(), ticks: { spectrum: 0, slice: 0, flatness: 0 } };
    expect(availableSteps(story, reachedMilestones({ ...base, tick: 5, analysis: atStart }))).toBe(
      2,
    );
    const later = { ...emptyAnalysis(), ticks: { spectrum: 40, slice: 40, flatness: 40 } };
    expect(availableSteps(story, reachedMilestones({ ...base, tick: 45, analysis: later }))).toBe(
      3,
    );
    const done = {
      ...base,
      tick: 600,
      analysis: later,
      verdict: { preset: 'race', tick: 600, ok: true, detail: '' },
    };
    expect(availableSteps(story, reachedMilestones(done))).toBe(4);
  });

  it('never skips a waiting step, and always offers the first', () => {
    const flatOnly = new Set(['flatness', 'verdict'] as const);
    expect(availableSteps(story, flatOnly)).toBe(1);
    expect(availableSteps([{ text: 'x', after: 'verdict' }], new Set())).toBe(1);
    expect(availableSteps([], new Set())).toBe(0);
  });
});
