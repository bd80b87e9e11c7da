import { describe, expect, it } from 'vitest';
import { median, medianOfRuns } from './medianOfRuns';

describe('medianOfRuns', () => {
  it('takes the median of every number, field by field, and the rest from the first run', () => {
    const runs = [
      { label: 'a', seconds: 3, rows: [{ ms: 10 }, { ms: 1 }], ok: true, gpu: null },
      { label: 'b', seconds: 1, rows: [{ ms: 30 }, { ms: 2 }], ok: false, gpu: null },
      { label: 'c', seconds: 2, rows: [{ ms: 20 }, { ms: 9 }], ok: false, gpu: null },
    ];
    expect(medianOfRuns(runs)).toEqual({
      label: 'a',
      seconds: 2,
      rows: [{ ms: 20 }, { ms: 2 }],
      ok: true,
      gpu: null,
    });
  });

  it('returns one run unchanged and rejects none', () => {
    const one = { a: 1, b: [2, 3], c: 'x' };
    expect(medianOfRuns([one])).toEqual(one);
    expect(() => medianOfRuns([])).toThrow(/no runs/);
  });

  it('averages the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(medianOfRuns([{ x: 1 }, { x: 5 }])).toEqual({ x: 3 });
  });
});
