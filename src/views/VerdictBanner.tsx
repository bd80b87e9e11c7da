import { findPreset } from '../presets';
import { useAppStore } from './useAppStore';

/**
 * The experiment's verdict: while it plays, what it will test; at the end of its budget, the
 * preset's check on the page's own data, as one sentence with its numbers and ✓ or ✗.
 */
export function VerdictBanner() {
  const verdict = useAppStore((s) => s.verdict);
  const budget = useAppStore((s) => s.spec.budget);
  const tick = useAppStore((s) => s.tick);
  const allStopped = useAppStore((s) => s.runs.every((r) => r.status !== 'running'));
  if (budget <= 0) return null;
  if (verdict === null && allStopped && tick < budget) {
    return (
      <p className="verdict failed" data-testid="verdict-none">
        Every run stopped before tick {budget} (see the notices and the run cards): this experiment
        has no verdict. Reset, or lower the learning rate, and play it again.
      </p>
    );
  }
  if (verdict === null || verdict === 'reading') {
    return (
      <p className="verdict pending" data-testid="verdict-pending">
        {verdict === 'reading'
          ? 'Reading the verdict…'
          : tick >= budget
            ? 'End of the experiment: the last analysis is landing…'
            : `The verdict comes at tick ${budget}.`}
      </p>
    );
  }
  const title = findPreset(verdict.preset)?.title ?? verdict.preset;
  return (
    <p
      className={`verdict ${verdict.ok ? 'held' : 'failed'}`}
      data-testid="verdict"
      data-ok={verdict.ok ? 'true' : 'false'}
      data-tick={verdict.tick}
      data-flat={verdict.flat ?? ''}
      data-sharp={verdict.sharp ?? ''}
      role="status"
    >
      <span className="verdict-mark" aria-hidden="true">
        {verdict.ok ? '✓' : '✗'}
      </span>{' '}
      <strong>
        {verdict.ok ? 'As expected' : 'Not as expected'} at tick {verdict.tick}
      </strong>{' '}
      <span className="muted">({title})</span>: {verdict.detail}
      {tick > verdict.tick && (
        <span className="muted"> Training has gone on since; the verdict is the budget’s.</span>
      )}
    </p>
  );
}
