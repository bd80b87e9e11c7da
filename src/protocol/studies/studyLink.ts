/**
 * A study in the link: `#v=1&preset=fbp&job.alpha=0.35&job.seed=3` — the study's id, then the
 * job's fields (`job.<key>`, the study's `fields`) that differ from the study's own job. Decoding
 * never throws: a bad value keeps the study's and says so, then the study repairs what its
 * job needs (e.g. N odd), saying so too.
 */
import {
  decodeField,
  encodeField,
  type Bag,
  type LinkReader,
  type Pairs,
  type Say,
} from '../linkFields';
import type { JobSpec } from '../jobs';
import type { AnyStudy, StudySelection } from './study';

export const JOB_PREFIX = 'job.';

/** The `job.<key>` pairs of `job` that differ from `study`'s own job. */
export function studyPairs(study: AnyStudy, job: JobSpec): Pairs {
  const out: Pairs = [];
  const own = study.job as unknown as Bag;
  const mine = job as unknown as Bag;
  for (const f of study.fields) encodeField(mine[f.prop], own[f.prop], f, JOB_PREFIX + f.key, out);
  return out;
}

/** `study`'s job with the link's `job.<key>` values over it, repaired, each correction said. */
export function decodeStudyJob(study: AnyStudy, reader: LinkReader, say: Say): StudySelection {
  const bag: Bag = { ...(study.job as unknown as Bag) };
  for (const f of study.fields) decodeField(bag, f, JOB_PREFIX + f.key, reader, say);
  const job = bag as unknown as typeof study.job;
  const repaired = study.repair ? study.repair(job as never, say) : job;
  return { id: study.id, job: repaired };
}
