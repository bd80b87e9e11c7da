/**
 * The flatness-vs-test-error scatter over a seed sweep's exports: three seeds of a small
 * two-run experiment, run headless and written as `flatland/1` JSON like `npm run lab -- --seeds`
 * does, read back as six points whose rank correlations are those of the exported numbers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { kendallTauB, spearman } from '../core/stats';
import { completeSpec } from '../protocol/completeSpec';
import type { ExperimentSpec } from '../protocol/experimentSpec';
import { exportToJson } from '../protocol/exportJson';
import { flatnessScatter } from '../store/flatnessScatter';
import { scatterInputFromExports } from '../store/scatterExports';
import { startNodeBackend } from './nodeBackend';
import { runHeadless } from './runHeadless';

beforeAll(() => startNodeBackend('wasm'));

const spec = (seed: number): ExperimentSpec =>
  completeSpec({
    seed,
    dataset: { kind: 'moons', train: 100, test: 100, noise: 0.2 },
    model: { kind: 'mlp', hidden: [8] },
    runs: [
      { id: 'small', label: 'batch 8', optimizer: { kind: 'sgd', batchSize: 8 } },
      { id: 'large', label: 'batch 100', optimizer: { kind: 'sgd', batchSize: 100 } },
    ],
    budget: 20,
    analysis: {
      every: 0,
      spectrum: 'exact',
      slice: null,
      flatness: { sigmas: [0.1], radii: [0.1], draws: 8, tolerance: 0 },
    },
  });

describe('scatter over exports', () => {
  it('reads every run of every valid file as a point, and names the files it skips', async () => {
    const files = [];
    for (const seed of [1, 2, 3]) {
      const doc = await runHeadless(spec(seed), { until: { ticks: 20 }, sources: {} });
      files.push({ name: `race-seed${seed}.json`, text: exportToJson(doc) });
    }
    files.push({ name: 'notes.txt', text: 'not json' });
    files.push({ name: 'other.json', text: '{"format":"something/2"}' });
    const input = scatterInputFromExports(files);
    expect(input.files).toBe(3);
    expect(input.problems).toHaveLength(2);
    expect(input.problems[0]).toMatch(/^notes.txt: not JSON/);
    expect(input.problems[1]).toMatch(/^other.json: not a flatland\/1 export/);
    expect(input.runs.map((r) => r.label)).toEqual([
      'seed 1 · batch 8',
      'seed 1 · batch 100',
      'seed 2 · batch 8',
      'seed 2 · batch 100',
      'seed 3 · batch 8',
      'seed 3 · batch 100',
    ]);

    const scatter = flatnessScatter(input, 'lambdaMax', 0.1);
    expect(scatter.n).toBe(6);
    const parsed = files.slice(0, 3).map((f) => JSON.parse(f.text) as ExportLike);
    const xs = parsed.flatMap((d) => d.runs.map((r) => r.final.spectrum.lambdaMax));
    const ys = parsed.flatMap((d) => d.runs.map((r) => r.series.testError.at(-1)!));
    expect(scatter.points.map((p) => p.x)).toEqual(xs);
    expect(scatter.points.map((p) => p.y)).toEqual(ys);
    expect(scatter.spearman).toBeCloseTo(spearman(xs, ys), 12);
    expect(scatter.kendall).toBeCloseTo(kendallTauB(xs, ys), 12);
    expect(flatnessScatter(input, 'energyLoss', 0.1).n).toBe(6);
  }, 60_000);
});

interface ExportLike {
  runs: { final: { spectrum: { lambdaMax: number } }; series: { testError: number[] } }[];
}
