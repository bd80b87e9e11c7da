import { describe, expect, it } from 'vitest';
import { createFrameBatch } from './frameBatch';

/** A frame clock the test advances by hand. */
function fakeFrames() {
  const waiting: (() => void)[] = [];
  return {
    schedule: (work: () => void) => void waiting.push(work),
    requested: () => waiting.length,
    frame: () => waiting.splice(0).forEach((work) => work()),
  };
}

/** A batch of numbers on fake frames, and what it applied. */
function setup() {
  const frames = fakeFrames();
  const applied: number[][] = [];
  const batch = createFrameBatch<number>((items) => applied.push([...items]), frames.schedule);
  return { frames, applied, batch };
}

describe('createFrameBatch', () => {
  it('hands over everything that arrived between two frames at once, in order', () => {
    const { frames, applied, batch } = setup();
    batch.push(1);
    batch.push(2);
    batch.push(3);
    expect(applied).toEqual([]);
    expect(frames.requested()).toBe(1);
    frames.frame();
    expect(applied).toEqual([[1, 2, 3]]);
    frames.frame();
    expect(applied).toEqual([[1, 2, 3]]);
  });

  it('asks for a new frame once the last one took its items', () => {
    const { frames, applied, batch } = setup();
    batch.push(1);
    frames.frame();
    batch.push(2);
    expect(frames.requested()).toBe(1);
    frames.frame();
    expect(applied).toEqual([[1], [2]]);
  });

  it('flushes on demand (the frame then finds nothing) and discards', () => {
    const { frames, applied, batch } = setup();
    batch.push(1);
    batch.flush();
    expect(applied).toEqual([[1]]);
    frames.frame();
    expect(applied).toEqual([[1]]);
    batch.push(2);
    batch.discard();
    frames.frame();
    expect(applied).toEqual([[1]]);
  });
});
