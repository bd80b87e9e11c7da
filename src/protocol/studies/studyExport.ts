/**
 * `flatland-study/1`: the export of a study (./study.ts), the sibling of `flatland/1`
 * (../exportFormat.ts) for experiments that are one job rather than a race of runs. The page's
 * "Export data" in a study and `npm run lab -- --preset <study>` write exactly this JSON; typed
 * arrays as plain arrays, NaN and ±Infinity as null (../exportJson.ts). The link reproduces it:
 * `link` is the study's hash, the job is deterministic in its seed.
 *
 *   { format, study, title, link, backend, job, result, verdict: { preset, ok, detail } }
 */
import type { BackendName } from '../backend';
import type { ExportVerdict } from '../exportFormat';
import { encodePermalink } from '../permalink';
import { defaultExperimentSpec } from '../defaultExperiment';
import type { JobResult, JobSpec } from '../jobs';
import { checkStudy, type AnyStudy } from './study';

export const STUDY_FORMAT = 'flatland-study/1';

export interface StudyDocument {
  readonly format: typeof STUDY_FORMAT;
  readonly study: string;
  readonly title: string;
  /** The hash that opens this study with this job (`#v=1&preset=…&job.…`). */
  readonly link: string;
  readonly backend: BackendName;
  readonly job: JobSpec;
  readonly result: JobResult;
  readonly verdict: ExportVerdict;
}

/** The study's export for `job`'s `result`, its verdict evaluated by the study's own check. */
export function studyDocument(
  study: AnyStudy,
  job: JobSpec,
  result: JobResult,
  backend: BackendName,
): StudyDocument {
  const link = encodePermalink(
    { spec: defaultExperimentSpec(), backend: 'auto', study: { id: study.id, job } },
    defaultExperimentSpec(),
  );
  return {
    format: STUDY_FORMAT,
    study: study.id,
    title: study.title,
    link,
    backend,
    job,
    result,
    verdict: { preset: study.id, ...checkStudy(study, job, result) },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every problem of a parsed `flatland-study/1` document, one sentence each; empty if valid. */
export function validateStudyDocument(doc: unknown): string[] {
  if (!isRecord(doc)) return ['the document is not a JSON object'];
  const problems: string[] = [];
  if (doc.format !== STUDY_FORMAT)
    problems.push(`format is ${String(doc.format)}, not ${STUDY_FORMAT}`);
  for (const key of ['study', 'title', 'link', 'backend'] as const)
    if (typeof doc[key] !== 'string') problems.push(`${key} must be a string`);
  const job = doc.job;
  const result = doc.result;
  if (!isRecord(job) || typeof job.kind !== 'string') problems.push('job must have a kind');
  if (!isRecord(result) || result.kind !== (isRecord(job) ? job.kind : undefined))
    problems.push('result must be of the job’s kind');
  const verdict = doc.verdict;
  if (
    !isRecord(verdict) ||
    typeof verdict.ok !== 'boolean' ||
    typeof verdict.detail !== 'string' ||
    verdict.preset !== doc.study
  )
    problems.push('verdict must have ok, detail and the study’s id');
  return problems;
}
