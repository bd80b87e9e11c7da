import { describe, expect, it } from 'vitest';
import { baselineTable, compareToBaseline, HEADLINES } from './compareToBaseline';
import type { BackendBench } from './measure';
import type { BenchReport } from './report';

/** A bench whose every headline takes `scale` seconds, on a machine of `gflops`. */
function bench(gflops: number, scale: number, label = 'full'): BackendBench {
  return {
    sizes: { label },
    ceiling: { n: 1024, seconds: 1, gflops },
    hvp: { gradientSeconds: scale, hvpSeconds: scale },
    exact: { seconds: scale },
    lanczos: { seconds: scale },
    slq: { seconds: scale },
    hutchPlusPlus: { seconds: scale },
    slice: { decomposedSeconds: scale },
    localEnergy: { seconds: scale },
    training: [
      { optimizer: 'sgd', batchSize: 64, stepsPerSecond: 1 / scale },
      { optimizer: 'entropySgd', batchSize: 64, stepsPerSecond: 1 / scale },
    ],
    rounds: [
      { preset: 'race', warmSeconds: scale },
      { preset: 'mnist', warmSeconds: scale },
    ],
  } as unknown as BackendBench;
}

function report(date: string, ...benches: [string, BackendBench][]): BenchReport {
  return {
    version: 1,
    date,
    quick: false,
    machine: { cpus: 2, cpuModel: 'x', platform: 'linux', node: 'v20', chromium: null },
    entries: benches.map(([backend, b]) => ({ host: 'chromium', backend, status: 'ok', bench: b })),
    totalSeconds: 1,
  };
}

describe('compareToBaseline', () => {
  it('takes the machine out: twice the time on a machine half as fast is no change', () => {
    const rows = compareToBaseline(
      report('now', ['wasm', bench(20, 2)]),
      report('then', ['wasm', bench(40, 1)]),
    );
    expect(rows).toHaveLength(HEADLINES.length);
    for (const r of rows) {
      expect(r.ratio).toBeCloseTo(2, 12);
      expect(r.normalized).toBeCloseTo(1, 12);
      expect(r.flag).toBe('');
    }
  });

  it('flags what moved beyond the threshold, either way, on the same machine', () => {
    const slower = compareToBaseline(
      report('now', ['wasm', bench(40, 1.5)]),
      report('then', ['wasm', bench(40, 1)]),
    );
    expect(slower.every((r) => r.flag === 'slower')).toBe(true);
    const faster = compareToBaseline(
      report('now', ['wasm', bench(40, 0.5)]),
      report('then', ['wasm', bench(40, 1)]),
    );
    expect(faster.every((r) => r.flag === 'faster')).toBe(true);
    // Slower on a machine that got slower by as much: no flag, whichever ratio one reads.
    const machine = compareToBaseline(
      report('now', ['wasm', bench(25, 1.5)]),
      report('then', ['wasm', bench(40, 1)]),
    );
    expect(machine.every((r) => r.flag === '')).toBe(true);
    const noise = compareToBaseline(
      report('now', ['wasm', bench(40, 1.2)]),
      report('then', ['wasm', bench(40, 1)]),
    );
    expect(noise.every((r) => r.flag === '')).toBe(true);
  });

  it('compares only entries measured in both, at the same sizes', () => {
    const rows = compareToBaseline(
      report('now', ['wasm', bench(40, 1)], ['cpu', bench(1, 1)], ['webgl', bench(2, 1, 'scaled')]),
      report('then', ['wasm', bench(40, 1)], ['webgl', bench(2, 1)]),
    );
    expect(new Set(rows.map((r) => r.entry))).toEqual(new Set(['chromium wasm']));
  });

  it('prints a table with both ceilings and one row per headline', () => {
    const now = report('2026-12-02', ['wasm', bench(20, 3)]);
    const then = report('2026-12-01', ['wasm', bench(40, 1)]);
    const table = baselineTable(now, then, compareToBaseline(now, then));
    expect(table).toContain('chromium wasm 40.0 → 20.0 GF/s');
    expect(table).toContain(
      '| chromium wasm | SLQ 1 × 90 | 1.00 s | 3.00 s | 3.00 | 1.50 | slower |',
    );
    expect(table.split('\n')).toHaveLength(4 + HEADLINES.length);
  });
});
