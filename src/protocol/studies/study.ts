/**
 * A study: one of the papers' own systems as an experiment of its own — not a race of
 * optimizers on one landscape (a Preset), but one job (src/protocol/jobs.ts) with its settings
 * in the link, a text, and a check of its result. `#preset=<id>` opens a study like a preset;
 * `npm run lab -- --preset <id>` runs its job headless and writes a `flatland-study/1` export
 * (./studyExport.ts) with the verdict. The studies themselves are data in src/presets/studies;
 * this folder keeps what the protocol speaks about them: the type, the link (./studyLink.ts), the
 * export and the job fields' tables (./jobFields.ts).
 */
import type { JobKind, JobSpec, ResultOf } from '../jobs';
import type { Say } from '../linkFields';
import type { ExperimentText, PresetCheck } from '../preset';
import type { FieldSchema } from '../specSchema';

export type JobOf<K extends JobKind> = Extract<JobSpec, { kind: K }>;

/** What the page holds while a study is open: which study, and its job as set by the link. */
export interface StudySelection {
  readonly id: string;
  readonly job: JobSpec;
}

/** A study's text fields are a preset's: `id` is `#preset=<id>` (study and preset ids never clash). */
export interface Study<K extends JobKind = JobKind> extends ExperimentText {
  /** The job the study runs when the link changes nothing. */
  readonly job: JobOf<K>;
  /** The job's fields a link may set, as `job.<key>`; the rest are the study's own. */
  readonly fields: readonly FieldSchema[];
  /** Makes a decoded job consistent (each change said); absent when every in-range job is. */
  repair?(job: JobOf<K>, say: Say): JobOf<K>;
  /** The expected observation, on the job's result. */
  check(result: ResultOf<K>, job: JobOf<K>): PresetCheck;
}

/** Any study of the registry (each is a Study of its own job kind). */
export type AnyStudy = { [K in JobKind]: Study<K> }[JobKind];

/** `study`'s check on `result`, or a failed verdict when the result is of another job kind. */
export function checkStudy(study: AnyStudy, job: JobSpec, result: ResultOf<JobKind>): PresetCheck {
  if (job.kind !== study.job.kind || result.kind !== study.job.kind) {
    return { ok: false, detail: `expected a ${study.job.kind} result, got ${result.kind}.` };
  }
  return (study as Study).check(result, job);
}
