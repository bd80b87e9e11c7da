/**
 * Checks that a parsed JSON value is a well-formed `flatland/1` document (exportFormat.ts): the
 * contract the CLI and the page's export keep with whoever re-analyses the data.
 */
import { EXPORT_FORMAT } from './exportFormat';
import { SERIES_KEYS } from './series';
import { validateSpec } from './validateSpec';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Numbers, or null where the value was NaN or infinite. */
function isNumberArray(value: unknown): value is (number | null)[] {
  return Array.isArray(value) && value.every((x) => x === null || typeof x === 'number');
}

/** Every problem found, one sentence each; empty for a valid document. */
export function validateExportDocument(doc: unknown): string[] {
  const problems: string[] = [];
  if (!isRecord(doc)) return ['the document is not a JSON object'];
  if (doc.format !== EXPORT_FORMAT)
    problems.push(`format is ${String(doc.format)}, not ${EXPORT_FORMAT}`);
  problems.push(...validateSpec(doc.spec).map((p) => `spec: ${p}`));
  if (typeof doc.backend !== 'string') problems.push('backend is missing');
  const model = doc.model;
  let paramCount = -1;
  if (!isRecord(model) || typeof model.paramCount !== 'number' || !Array.isArray(model.layout)) {
    problems.push('model must have paramCount and layout');
  } else {
    paramCount = model.paramCount;
    let total = 0;
    for (const block of model.layout as unknown[]) {
      if (!isRecord(block) || block.offset !== total || typeof block.size !== 'number') {
        problems.push('model.layout blocks must be contiguous, in order');
        break;
      }
      total += block.size;
    }
    if (total !== paramCount)
      problems.push(`model.layout covers ${total} of ${paramCount} parameters`);
  }
  const dataset = doc.dataset;
  if (!isRecord(dataset) || typeof dataset.inputDim !== 'number') {
    problems.push('dataset must describe inputDim');
  } else {
    for (const name of ['train', 'test'] as const) {
      const split = dataset[name];
      if (split === null) continue;
      if (
        !isRecord(split) ||
        !isNumberArray(split.x) ||
        !isNumberArray(split.y) ||
        split.x.length !== (split.count as number) * dataset.inputDim ||
        split.y.length !== split.count
      ) {
        problems.push(`dataset.${name} must hold count × inputDim inputs and count labels`);
      }
    }
  }
  if (!Array.isArray(doc.runs) || doc.runs.length === 0) {
    problems.push('runs must be a non-empty array');
    return problems;
  }
  for (const run of doc.runs as unknown[]) {
    if (!isRecord(run) || typeof run.id !== 'string') {
      problems.push('every run needs an id');
      continue;
    }
    const series = run.series;
    if (!isRecord(series)) {
      problems.push(`run ${run.id}: series missing`);
      continue;
    }
    const lengths = SERIES_KEYS.map((key) =>
      isNumberArray(series[key]) ? series[key].length : -1,
    );
    if (lengths.some((n) => n < 1 || n !== lengths[0])) {
      problems.push(`run ${run.id}: series columns must be number arrays of one length`);
    }
    const final = run.final;
    if (!isRecord(final) || !isNumberArray(final.weights) || final.weights.length !== paramCount) {
      problems.push(`run ${run.id}: final.weights must have paramCount entries`);
    }
    if (!Array.isArray(run.analyses)) problems.push(`run ${run.id}: analyses must be an array`);
  }
  return problems;
}
