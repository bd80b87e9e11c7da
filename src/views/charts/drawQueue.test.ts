import { describe, expect, it } from 'vitest';
import { DRAW_BUDGET_MS, createDrawQueue } from './drawQueue';

/** Microtasks, frames and a clock the test advances by hand. */
function fakeScheduler() {
  const soon: (() => void)[] = [];
  const frames: (() => void)[] = [];
  let t = 0;
  return {
    scheduler: {
      soon: (work: () => void) => void soon.push(work),
      frame: (work: () => void) => void frames.push(work),
      now: () => t,
    },
    advance: (ms: number) => void (t += ms),
    microtasks: () => soon.splice(0).forEach((work) => work()),
    frame: () => frames.splice(0).forEach((work) => work()),
    framesRequested: () => frames.length,
  };
}

/** A queue on the fake scheduler, and the names of the charts it drew. */
function setup() {
  const fake = fakeScheduler();
  return { fake, queue: createDrawQueue(fake.scheduler), drawn: [] as string[] };
}

describe('createDrawQueue', () => {
  it('draws what one commit queued right after it, in the same task, when it fits the budget', () => {
    const { fake, queue, drawn } = setup();
    for (const name of ['curves', 'spectrum', 'legend'])
      queue.schedule({ name }, () => drawn.push(name));
    expect(drawn).toEqual([]);
    fake.microtasks();
    expect(drawn).toEqual(['curves', 'spectrum', 'legend']);
    expect(fake.framesRequested()).toBe(0);
  });

  it('leaves what exceeds the budget to the next frames, a budget per frame', () => {
    const { fake, queue, drawn } = setup();
    // Each chart takes 60% of the budget: one per drain after the first, which also takes one.
    for (const name of ['slice', 'local 1', 'local 2'])
      queue.schedule({ name }, () => {
        drawn.push(name);
        fake.advance(0.6 * DRAW_BUDGET_MS);
      });
    fake.microtasks();
    expect(drawn).toEqual(['slice', 'local 1']);
    expect(fake.framesRequested()).toBe(1);
    fake.frame();
    expect(drawn).toEqual(['slice', 'local 1', 'local 2']);
    expect(fake.framesRequested()).toBe(0);
  });

  it('draws a chart queued twice once, with its latest data, and not after a cancel', () => {
    const { fake, queue, drawn } = setup();
    const chart = {};
    const gone = {};
    queue.schedule(chart, () => drawn.push('old'));
    queue.schedule(gone, () => drawn.push('gone'));
    queue.schedule(chart, () => drawn.push('new'));
    queue.cancel(gone);
    fake.microtasks();
    expect(drawn).toEqual(['new']);
  });
});
