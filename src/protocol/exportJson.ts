/**
 * `flatland/1` as JSON text: typed arrays become plain arrays, NaN and ±Infinity become null
 * (JSON has neither), so numpy/pandas read the file with nothing but `json.load`.
 */
import type { ExportDocument } from './exportFormat';
import type { StudyDocument } from './studies/studyExport';

function replacer(_key: string, value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as unknown as ArrayLike<number>, (x) =>
      Number.isFinite(x) ? x : null,
    );
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}

/** A `flatland/1` document (or its sibling `flatland-study/1`) as JSON text. */
export function exportToJson(document: ExportDocument | StudyDocument, indent?: number): string {
  return JSON.stringify(document, replacer, indent);
}
