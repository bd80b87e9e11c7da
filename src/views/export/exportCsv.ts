/**
 * The runs' series of a `flatland/1` document as CSV, one row per run and measured point (long
 * format: pandas' read_csv, R's read.csv), then the per-analysis spectrum summaries as extra
 * columns where an analysis landed on that point. Empty cells for NaN.
 */
import type { ExportDocument } from '../../protocol/exportFormat';
import { SERIES_KEYS } from '../../protocol/series';

const ANALYSIS_KEYS = ['lambdaMax', 'trace', 'confinement', 'outliers'] as const;

function cell(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value !== 'string') return '';
  const text = value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function exportToCsv(doc: ExportDocument): string {
  const header = ['run', 'label', ...SERIES_KEYS, ...ANALYSIS_KEYS];
  const lines = [header.join(',')];
  for (const run of doc.runs) {
    const steps = run.series.step;
    const byStep = new Map(run.analyses.map((a) => [a.step, a]));
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i];
      const analysis = typeof step === 'number' ? byStep.get(step) : undefined;
      lines.push(
        [
          cell(run.id),
          cell(run.label),
          ...SERIES_KEYS.map((k) => cell(run.series[k][i])),
          ...ANALYSIS_KEYS.map((k) => cell(analysis?.[k])),
        ].join(','),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
