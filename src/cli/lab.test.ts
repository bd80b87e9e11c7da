/**
 * `npm run lab` end to end: it writes a valid flatland/1 document, and the same spec gives the
 * same numbers twice.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateExportDocument } from '../protocol/validateExport';

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

  it('rejects bad arguments with a usage message', () => {
    expect(() =>
      execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/lab.ts', '--preset', 'nope'], {
        stdio: 'pipe',
      }),
    ).toThrow(/no preset "nope"/);
  });
});
