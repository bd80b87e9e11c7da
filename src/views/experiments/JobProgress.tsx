import type { JobKind } from '../../protocol/jobs';
import type { JobStatus } from './useJob';

/** A job's progress bar with a Cancel button while it runs, else a word on how it ended. */
export function JobProgress<K extends JobKind>(props: {
  status: JobStatus<K>;
  testId: string;
  onCancel: () => void;
}) {
  const { status } = props;
  if (status.state === 'running') {
    const percent = Math.round(100 * Math.min(1, Math.max(0, status.fraction)));
    return (
      <span className="progress-slot">
        <progress data-testid={props.testId} max={100} value={percent} aria-label={`${percent}%`} />
        <span className="progress-label num">{percent}%</span>
        <button type="button" data-testid={`${props.testId}-cancel`} onClick={props.onCancel}>
          Cancel
        </button>
      </span>
    );
  }
  const text =
    status.state === 'cancelled'
      ? 'cancelled'
      : status.state === 'failed'
        ? `failed: ${status.message}`
        : status.state === 'done'
          ? 'done'
          : '';
  return (
    <span className={status.state === 'failed' ? 'job-failed' : 'muted'} role="status">
      {text}
    </span>
  );
}
