/**
 * `flatland-study/1`: the export of a study (./study.ts), the sibling of `flatland/1`
 * (../exportFormat.ts) for experiments that are one job rather than a race of runs. The page's
 * "Export data" in a study and `npm run lab -- --preset <study>` write exactly this JSON; typed
 * arrays as plain arrays, NaN and ±Infinity as null (../exportJson.ts). The link reproduces it:
 * `link` is the study's hash, the job is deterministic in its seed.
 *
 *   { format, study, title, link, backend, job, result, verdict: { preset, ok, detail } }
 */
import { z } from 'zod';
import { BACKEND_LADDER, type BackendName } from '../backend';
import type { ExportVerdict } from '../exportFormat';
import { studyCatalog } from '../catalog';
import { encodePermalink } from '../permalink';
import { defaultExperimentSpec } from '../defaultExperiment';
import type { JobResult, JobSpec } from '../jobs';
import { checkStudy, type AnyStudy } from './study';
import { VERDICT_SCHEMA } from '../validateExport';
import { zodProblems } from '../zodProblems';

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
    studyCatalog(study),
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

/** A job or its result: its kind, and the fields of that kind (../jobs.ts). */
const KINDED = z.looseObject({ kind: z.string() });

/** A `flatland-study/1` document, its result of its job's kind and its verdict of its study. */
const STUDY_DOCUMENT_SCHEMA = z
  .object({
    format: z.literal(STUDY_FORMAT),
    study: z.string(),
    title: z.string(),
    link: z.string(),
    backend: z.enum(BACKEND_LADDER),
    job: KINDED,
    result: KINDED,
    verdict: VERDICT_SCHEMA,
  })
  .superRefine(
    (doc, ctx) => {
      if (doc.result.kind !== doc.job.kind) {
        ctx.addIssue({ code: 'custom', path: ['result'], message: 'it is not of the job’s kind' });
      }
      if (doc.verdict.preset !== doc.study) {
        ctx.addIssue({ code: 'custom', path: ['verdict'], message: 'it is not the study’s' });
      }
    },
    { when: (payload) => payload.issues.length === 0 },
  );

/** Every problem of a parsed `flatland-study/1` document, one sentence each; empty if valid. */
export function validateStudyDocument(doc: unknown): string[] {
  return zodProblems(STUDY_DOCUMENT_SCHEMA, doc, 'the document');
}
