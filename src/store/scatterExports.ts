/**
 * The flatness-vs-generalization scatter over several `flatland/1` exports — e.g. the per-seed
 * files of `npm run lab -- --preset race --seeds 1-10`: every run of every file is a point,
 * labelled by its file's seed. Files that are not valid exports are named with the reason and
 * skipped; nothing else is lost.
 */
import type { FlatnessResult, SpectrumResult } from '../protocol/analysis';
import type { ExportDocument } from '../protocol/exportFormat';
import { validateExportDocument } from '../protocol/validateExport';
import type { ScatterInput, ScatterRun } from './flatnessScatter';

export interface ExportFile {
  readonly name: string;
  readonly text: string;
}

export interface ExportsScatterInput extends ScatterInput {
  /** How many files were read as exports. */
  readonly files: number;
  /** One sentence per file that was skipped. */
  readonly problems: readonly string[];
}

/** The last finite value of a JSON series (null for NaN), or NaN. */
function lastFinite(values: ArrayLike<number | null> | undefined): number {
  if (!values) return Number.NaN;
  for (let i = values.length - 1; i >= 0; i--) {
    const v = values[i];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
  }
  return Number.NaN;
}

export function scatterInputFromExports(files: readonly ExportFile[]): ExportsScatterInput {
  const runs: ScatterRun[] = [];
  const spectra: Record<string, SpectrumResult> = {};
  const flatness: Record<string, FlatnessResult> = {};
  const problems: string[] = [];
  let read = 0;
  for (const file of files) {
    let doc: unknown;
    try {
      doc = JSON.parse(file.text);
    } catch {
      problems.push(`${file.name}: not JSON`);
      continue;
    }
    const invalid = validateExportDocument(doc);
    if (invalid.length > 0) {
      problems.push(`${file.name}: not a flatland/1 export (${invalid[0]})`);
      continue;
    }
    read += 1;
    const d = doc as ExportDocument;
    for (const run of d.runs) {
      const id = `${file.name}#${run.id}`;
      runs.push({
        id,
        label: `seed ${d.spec.seed} · ${run.label}`,
        testError: lastFinite(run.series.testError),
      });
      // JSON arrays (null for NaN) stand in for the typed arrays: the scatter only indexes them.
      if (run.final.spectrum) spectra[id] = run.final.spectrum;
      if (run.final.flatness) flatness[id] = run.final.flatness;
    }
  }
  return { runs, spectra, flatness, files: read, problems };
}
