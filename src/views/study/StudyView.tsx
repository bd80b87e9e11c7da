/**
 * An open study (src/protocol/studies), in place of the explorer: what it is, Run, its verdict
 * (the study's own check on the result, as `npm run lab` computes it), the result's figures, and
 * its settings as a form drawn from the same field table the link uses.
 */
import { useState } from 'react';
import { findStudy } from '../../presets';
import { exportToJson } from '../../protocol/exportJson';
import { cancelStudy, currentStudyDocument, runStudy, setStudyJob } from '../../store/studyActions';
import { downloadBlob, fileStem } from '../export/download';
import { CopyLinkButton } from '../export/ExportBar';
import { useAppStore } from '../useAppStore';
import { SchemaField } from '../SchemaField';
import { StudyFigures } from './StudyFigures';

function StudyVerdict() {
  const run = useAppStore((s) => s.studyRun);
  if (run.state === 'failed')
    return (
      <p className="verdict failed" data-testid="study-failed" role="alert">
        The study stopped: {run.message}. Its settings are kept; press Run to try again.
      </p>
    );
  if (run.state !== 'done')
    return (
      <p className="verdict pending" data-testid="verdict-pending">
        {run.state === 'running'
          ? `Running… ${Math.round(100 * run.fraction)}%`
          : 'Press Run: the verdict comes when the study has its result.'}
      </p>
    );
  const { check } = run;
  return (
    <p
      className={`verdict ${check.ok ? 'held' : 'failed'}`}
      data-testid="verdict"
      data-ok={check.ok ? 'true' : 'false'}
      role="status"
    >
      <span className="verdict-mark" aria-hidden="true">
        {check.ok ? '✓' : '✗'}
      </span>{' '}
      <strong>{check.ok ? 'As expected' : 'Not as expected'}</strong>{' '}
      <span className="muted">({run.seconds.toFixed(1)} s)</span>: {check.detail}
    </p>
  );
}

export function StudyView() {
  const selection = useAppStore((s) => s.study);
  const run = useAppStore((s) => s.studyRun);
  const [notes, setNotes] = useState<string[]>([]);
  const study = selection ? findStudy(selection.id) : undefined;
  if (!selection || !study) return null;
  const job = selection.job;
  const values = job as unknown as Record<string, unknown>;
  const running = run.state === 'running';
  const exportJson = () => {
    const doc = currentStudyDocument();
    if (doc)
      downloadBlob(
        `${fileStem(study.id)}.json`,
        new Blob([exportToJson(doc, 1)], { type: 'application/json' }),
      );
  };
  return (
    <section
      className="study"
      data-testid="study"
      data-study={study.id}
      data-state={run.state}
      aria-label={study.title}
    >
      <div className="study-head">
        <h2>
          {study.title} <span className="muted">{study.phenomenon}</span>
        </h2>
      </div>
      <p className="study-explanation">{study.explanation}</p>
      <div className="transport study-transport">
        <button
          type="button"
          className="primary"
          data-testid="study-run"
          disabled={running}
          onClick={runStudy}
        >
          {run.state === 'done' ? '▶ Run again' : '▶ Run'}
        </button>
        {running && (
          <span className="progress-slot">
            <progress
              data-testid="study-progress"
              max={100}
              value={Math.round(100 * run.fraction)}
            />
            <button type="button" data-testid="study-cancel" onClick={cancelStudy}>
              Cancel
            </button>
          </span>
        )}
        <CopyLinkButton />
        <button
          type="button"
          data-testid="study-export"
          disabled={run.state !== 'done'}
          onClick={exportJson}
        >
          Data (JSON)
        </button>
      </div>
      <StudyVerdict />
      <div className="study-body">
        <div className="panel study-figures" data-testid="study-figures">
          <StudyFigures job={job} result={run.state === 'done' ? run.result : null} />
        </div>
        <aside className="study-side">
          <h3>What to look at</h3>
          <ul>
            {study.whatToLookAt.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
          <details>
            <summary>Expected</summary>
            <p>{study.expected}</p>
          </details>
          <details className="study-settings" data-testid="study-settings">
            <summary>Settings (they go in the link)</summary>
            <div className="experiment-controls">
              {study.fields.map((f) => (
                <SchemaField
                  key={f.key}
                  field={f}
                  testId={`study-field-${f.key}`}
                  value={values[f.prop]}
                  onCommit={(value) => setNotes(setStudyJob({ ...job, [f.prop]: value }))}
                />
              ))}
            </div>
            {notes.length > 0 && (
              <p className="muted" data-testid="study-notes">
                {notes.join(' ')}
              </p>
            )}
          </details>
        </aside>
      </div>
    </section>
  );
}
