/**
 * `npm run lab` end to end: it writes a valid flatland/1 document, and the same spec gives the
 * same numbers twice.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvParse } from 'd3';
import { validateExportDocument } from '../protocol/validateExport';
import { fbpStudy } from '../presets/studies/fbp';
import { validateStudyDocument, type StudyDocument } from '../protocol/studies/studyExport';

const dir = mkdtempSync(join(tmpdir(), 'flatland-lab-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function lab(args: string[]): { doc: Record<string, unknown>; stderr: string } {
  const out = join(dir, `run-${Math.random().toString(36).slice(2)}.json`);
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'src/cli/lab.ts', ...args, '--out', out],
    {
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) throw new Error(`lab failed: ${result.stderr}`);
  const stderr = result.stderr;
  return { doc: JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>, stderr };
}

describe('npm run lab', () => {
  // Small analyses keep this quick; the preset's own spec is otherwise unchanged.
  const spec = 'preset=race&an.every=0&an.res=9&an.draws=4&an.sigmas=0.05,0.2&an.radii=0.05';

  it('writes a valid flatland/1 document and repeats its numbers exactly', () => {
    const first = lab(['--spec', spec, '--steps', '30', '--backend', 'wasm']);
    expect(validateExportDocument(first.doc)).toEqual([]);
    expect(first.doc.backend).toBe('wasm');
    const runs = first.doc.runs as { steps: number; series: { trainLoss: number[] } }[];
    expect(runs[0]!.steps).toBeGreaterThanOrEqual(30);
    expect(first.stderr).toMatch(/steps/);

    const second = lab(['--spec', spec, '--steps', '30', '--backend', 'wasm']);
    expect(second.doc.runs).toEqual(first.doc.runs);
    expect(second.doc.slice).toEqual(first.doc.slice);

    const quiet = 'preset=race&an.spectrum=off&an.slice=off&an.flat=0';
    const otherSeed = lab(['--spec', quiet, '--steps', '30', '--backend', 'wasm', '--seed', '99']);
    const otherRuns = otherSeed.doc.runs as { series: { trainLoss: number[] } }[];
    expect(otherRuns[0]!.series.trainLoss).not.toEqual(runs[0]!.series.trainLoss);
  });

  it('runs a study over seeds: one valid flatland-study/1 per seed and a summary that matches', () => {
    const prefix = join(dir, 'fbp');
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/lab.ts', '--preset', 'fbp', '--seeds', '1-3', '--out', prefix],
      { encoding: 'utf8' },
    );
    expect(result.status, result.stderr).toBe(0);
    const docs = [1, 2, 3].map(
      (seed) => JSON.parse(readFileSync(`${prefix}-seed${seed}.json`, 'utf8')) as StudyDocument,
    );
    for (const [i, doc] of docs.entries()) {
      expect(validateStudyDocument(doc)).toEqual([]);
      expect(doc.job.seed).toBe(i + 1);
      expect(doc.link).toContain(i + 1 === fbpStudy.job.seed ? 'preset=fbp' : `job.seed=${i + 1}`);
    }
    const rows = csvParse(readFileSync(`${prefix}-summary.csv`, 'utf8'));
    expect(rows.map((r) => r.seed)).toEqual(['1', '2', '3']);
    expect(rows.map((r) => r.ok)).toEqual(docs.map((d) => String(d.verdict.ok)));
    expect(rows.map((r) => r.detail)).toEqual(docs.map((d) => d.verdict.detail));
    const held = docs.filter((d) => d.verdict.ok).length;
    expect(result.stderr).toContain(`verdict held on ${held} of 3 seeds`);
    expect(() =>
      execFileSync(
        process.execPath,
        ['--import', 'tsx', 'src/cli/lab.ts', '--preset', 'fbp', '--ticks', '5'],
        { stdio: 'pipe' },
      ),
    ).toThrow(/do not apply/);
  });

  it('runs a preset over seeds: one valid flatland/1 per seed and a summary whose verdicts match', () => {
    const prefix = join(dir, 'race');
    // The cheapest analyses: the verdict's shape is what is checked, not its outcome.
    const cheap = 'preset=race&an.every=0&an.spectrum=off&an.slice=off&an.draws=2&an.radii=0.05';
    const args = ['--spec', cheap, '--seeds', '1-3', '--ticks', '10', '--out', prefix];
    const swept = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/lab.ts', ...args], {
      encoding: 'utf8',
    });
    expect(swept.status, swept.stderr).toBe(0);
    const docs = [1, 2, 3].map(
      (seed) =>
        JSON.parse(readFileSync(`${prefix}-seed${seed}.json`, 'utf8')) as {
          spec: { seed: number };
          verdict: { ok: boolean };
        },
    );
    for (const [i, doc] of docs.entries()) {
      expect(validateExportDocument(doc)).toEqual([]);
      expect(doc.spec.seed).toBe(i + 1);
    }
    const rows = csvParse(readFileSync(`${prefix}-summary.csv`, 'utf8'));
    expect(rows.map((r) => r.seed)).toEqual(['1', '2', '3']);
    expect(rows.map((r) => r.ok)).toEqual(docs.map((d) => String(d.verdict.ok)));
    const held = docs.filter((d) => d.verdict.ok).length;
    expect(swept.stderr).toContain(`verdict held on ${held} of 3 seeds`);
    // Off a terminal the progress is a few lines per seed, not a redraw per tick.
    expect(swept.stderr).not.toContain('\r');
    expect(swept.stderr.split('\n').filter((l) => l.includes('] ')).length).toBeLessThanOrEqual(33);
  });

  it('lists the presets and the studies', () => {
    const list = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/lab.ts', '--list'], {
      encoding: 'utf8',
    });
    for (const id of ['race', 'mnist', 'flat-vs-test', 'fbp', 'simple-model', 'goldilocks-sweep'])
      expect(list).toMatch(new RegExp(`^${id} `, 'm'));
  });

  it('rejects bad arguments with a usage message', () => {
    expect(() =>
      execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/lab.ts', '--preset', 'nope'], {
        stdio: 'pipe',
      }),
    ).toThrow(/no preset "nope"/);
  });
});
