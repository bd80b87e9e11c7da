import { describe, expect, it } from 'vitest';
import { PACE_SECONDS } from '../protocol/pace';
import { atBudget, mustWaitForAnalysis, TickClock, ticksPerSecond } from './pacing';

describe('pacing', () => {
  it('plays a budget in PACE_SECONDS at slow and normal, uncapped at fast and unpaced', () => {
    expect(ticksPerSecond('normal', 600)).toBe(600 / PACE_SECONDS.normal);
    expect(ticksPerSecond('slow', 600)).toBe(600 / PACE_SECONDS.slow);
    expect(ticksPerSecond('fast', 600)).toBe(Number.POSITIVE_INFINITY);
    expect(ticksPerSecond('unpaced', 600)).toBe(Number.POSITIVE_INFINITY);
    expect(ticksPerSecond('slow', 0)).toBeLessThan(ticksPerSecond('normal', 0));
  });

  it('lets training run at most one cadence past the newest analysis on screen', () => {
    const s = { pace: 'fast', waitAlways: false, every: 10 } as const;
    expect(mustWaitForAnalysis({ ...s, tick: 0, landedTick: -Infinity })).toBe(true);
    expect(mustWaitForAnalysis({ ...s, tick: 9, landedTick: 0 })).toBe(false);
    expect(mustWaitForAnalysis({ ...s, tick: 10, landedTick: 0 })).toBe(true);
    expect(mustWaitForAnalysis({ ...s, tick: 10, landedTick: 10 })).toBe(false);
    // Unpaced analyses run beside training; `wait` blocks on every analysis; every = 0 never waits.
    expect(mustWaitForAnalysis({ ...s, pace: 'unpaced', tick: 50, landedTick: 0 })).toBe(false);
    expect(mustWaitForAnalysis({ ...s, waitAlways: true, tick: 1, landedTick: 0 })).toBe(true);
    expect(mustWaitForAnalysis({ ...s, every: 0, tick: 50, landedTick: 0 })).toBe(false);
  });

  it('stops Play at the budget unless the viewer went beyond it', () => {
    expect(atBudget(599, 600, false)).toBe(false);
    expect(atBudget(600, 600, false)).toBe(true);
    expect(atBudget(600, 600, true)).toBe(false);
    expect(atBudget(10_000, 0, false)).toBe(false);
  });

  it('spaces ticks 1/rate apart on a fake clock, without a burst after a long wait', () => {
    const clock = new TickClock(20); // one tick per 50 ms
    let now = 1000;
    const starts: number[] = [];
    while (starts.length < 5) {
      const delay = clock.delay(now);
      if (delay > 0) now += delay;
      else {
        starts.push(now);
        clock.started(now);
      }
    }
    expect(starts).toEqual([1000, 1050, 1100, 1150, 1200]);
    // A 2 s wait for an analysis: the next tick may start at once, the one after 50 ms later.
    now += 2000;
    expect(clock.delay(now)).toBe(0);
    clock.started(now);
    expect(clock.delay(now)).toBe(50);
    clock.started(now + 50);
    expect(clock.delay(now + 50)).toBe(50);
    // No cap at all at an infinite rate.
    const free = new TickClock(Number.POSITIVE_INFINITY);
    free.started(0);
    expect(free.delay(0)).toBe(0);
  });
});
