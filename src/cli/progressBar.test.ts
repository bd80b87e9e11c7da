import { describe, expect, it } from 'vitest';
import { progressBar, progressReporter } from './progressBar';

describe('progressReporter', () => {
  it('redraws the bar in place on a terminal, at every update', () => {
    const out: string[] = [];
    const report = progressReporter((t) => out.push(t), true);
    for (let done = 0; done <= 5; done++) report(done, 5, 'ticks');
    expect(out).toHaveLength(6);
    expect(out.every((t) => t.startsWith('\r'))).toBe(true);
    expect(out[5]).toBe(`\r${progressBar(5, 5, 'ticks')}`);
  });

  it('off a terminal writes one line per tenth of the total, again for each new prefix', () => {
    const out: string[] = [];
    const report = progressReporter((t) => out.push(t), false);
    for (const seed of [1, 2])
      for (let done = 0; done <= 900; done++) report(done, 900, 'ticks', `seed ${seed} `);
    // Tenths 0…10 for each of the two seeds.
    expect(out).toHaveLength(22);
    expect(out.every((t) => t.endsWith('\n') && !t.includes('\r'))).toBe(true);
    expect(out[10]).toBe(`${progressBar(900, 900, 'ticks', 'seed 1 ')}\n`);
    expect(out[11]).toBe(`${progressBar(0, 900, 'ticks', 'seed 2 ')}\n`);
  });
});
