import { describe, expect, it } from 'vitest';
import { SeriesRecorder, type SeriesRow } from './seriesRecorder';

const row = (step: number): SeriesRow => ({
  step,
  gradEvals: 2 * step,
  trainLoss: 1 / (step + 1),
  trainError: 0.5,
  testLoss: Number.NaN,
  testError: Number.NaN,
  weightNorm: 3,
});

describe('SeriesRecorder', () => {
  it('hands out each row exactly once, with its index', () => {
    const recorder = new SeriesRecorder();
    expect(recorder.flush()).toBeNull();
    recorder.push(row(1));
    recorder.push(row(2));
    const first = recorder.flush();
    expect(first?.start).toBe(0);
    expect(Array.from(first?.columns.step ?? [])).toEqual([1, 2]);
    expect(Array.from(first?.columns.gradEvals ?? [])).toEqual([2, 4]);
    recorder.push(row(3));
    const second = recorder.flush();
    expect(second?.start).toBe(2);
    expect(Array.from(second?.columns.trainLoss ?? [])).toEqual([0.25]);
    expect(recorder.length).toBe(3);
    expect(Array.from(recorder.columns().step)).toEqual([1, 2, 3]);
  });

  it('continues a resumed series after the rows the page already has', () => {
    const recorder = new SeriesRecorder(40);
    recorder.push(row(41));
    expect(recorder.flush()?.start).toBe(40);
    expect(recorder.length).toBe(41);
  });
});
