import { dismissNotice } from '../store/actions';
import { useAppStore } from './useAppStore';

/** Problems and recoveries, in words; never a stack trace. Text only (URL content may end up here). */
export function NoticeArea() {
  const notices = useAppStore((s) => s.notices);
  return (
    <div className="notices" data-testid="notice" role="status" aria-live="polite">
      {notices.map((n) => (
        <p key={n.id} className={`notice notice-${n.level}`}>
          <span>{n.text}</span>
          <button type="button" aria-label="Dismiss" onClick={() => dismissNotice(n.id)}>
            ×
          </button>
        </p>
      ))}
    </div>
  );
}
