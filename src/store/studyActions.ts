/**
 * The open study (src/protocol/studies): opening one, changing its job (repaired as a link would
 * be, each change said), running it in the engine's worker, and its verdict — the study's own
 * check, the same function `npm run lab` runs — kept in the store for the banner, the narrative
 * and the export.
 */
import type { JobKind, JobSpec } from '../protocol/jobs';
import { findStudy } from '../presets';
import { checkStudy } from '../protocol/studies/study';
import { studyDocument, type StudyDocument } from '../protocol/studies/studyExport';
import { pause } from './actions';
import { appStore } from './appStore';
import { startJob, wasCancelled, type RunningJob } from './jobActions';

let running: RunningJob<JobKind> | null = null;

function cancelRunning(): void {
  const job = running;
  running = null;
  job?.cancel();
}

/** Opens study `id` with its own job (false for an unknown id); the explorer pauses. */
export function openStudy(id: string): boolean {
  const study = findStudy(id);
  if (!study) return false;
  cancelRunning();
  if (appStore.getState().engine === 'playing') pause();
  appStore.setState({
    study: { id: study.id, job: study.job },
    studyRun: { state: 'idle' },
    preset: null,
    verdict: null,
  });
  return true;
}

/** Leaves the study view (a preset or the editor takes over). */
export function closeStudy(): void {
  cancelRunning();
  appStore.setState({ study: null, studyRun: { state: 'idle' }, verdict: null });
}

/**
 * Sets the open study's job, repaired as a link's would be; returns what the repair changed,
 * one sentence each. The previous result and verdict are dropped: they were of another job.
 */
export function setStudyJob(job: JobSpec): string[] {
  const selection = appStore.getState().study;
  const study = selection && findStudy(selection.id);
  if (!study || job.kind !== study.job.kind) return [];
  const notes: string[] = [];
  const repaired = study.repair
    ? study.repair(job as never, (sentence) => notes.push(sentence))
    : job;
  cancelRunning();
  appStore.setState({
    study: { id: study.id, job: repaired },
    studyRun: { state: 'idle' },
    verdict: null,
  });
  return notes;
}

/** Runs the open study's job; its verdict lands in the store when it ends. */
export function runStudy(): void {
  const selection = appStore.getState().study;
  const study = selection && findStudy(selection.id);
  if (!selection || !study) return;
  cancelRunning();
  const job = selection.job;
  const started = performance.now();
  const task = startJob(job, (fraction) => {
    if (running === task) appStore.setState({ studyRun: { state: 'running', fraction } });
  });
  if (!task) {
    appStore.setState({ studyRun: { state: 'failed', message: 'the engine is not running' } });
    return;
  }
  running = task;
  appStore.setState({ studyRun: { state: 'running', fraction: 0 }, verdict: null });
  task.result.then(
    (result) => {
      if (running !== task) return;
      running = null;
      const check = checkStudy(study, job, result);
      const seconds = (performance.now() - started) / 1000;
      const backend = appStore.getState().backend?.name ?? 'cpu';
      appStore.setState({
        studyRun: { state: 'done', job, result, check, seconds, backend },
        verdict: { preset: study.id, tick: 0, ...check },
      });
    },
    (error: unknown) => {
      if (running !== task && running !== null) return;
      running = null;
      appStore.setState({
        studyRun: wasCancelled(error)
          ? { state: 'idle' }
          : { state: 'failed', message: error instanceof Error ? error.message : String(error) },
      });
    },
  );
}

/** Stops the study's job under way (its settings stay). */
export function cancelStudy(): void {
  cancelRunning();
  appStore.setState({ studyRun: { state: 'idle' } });
}

/** The finished study as `flatland-study/1`, or null before it has a result. */
export function currentStudyDocument(): StudyDocument | null {
  const { study: selection, studyRun } = appStore.getState();
  const study = selection && findStudy(selection.id);
  if (!study || studyRun.state !== 'done') return null;
  return studyDocument(study, studyRun.job, studyRun.result, studyRun.backend);
}
