import type { BackendChoice } from '../protocol/backend';
import { BACKEND_LADDER } from '../protocol/backend';
import { setBackendChoice } from '../store/actions';
import { useAppStore } from './useAppStore';

/** Which tfjs backend the worker runs, whether the GPU adapter is software, and an override. */
export function BackendBadge() {
  const report = useAppStore((s) => s.backend);
  const choice = useAppStore((s) => s.backendChoice);
  const adapter = report?.gpuAdapter ?? null;
  const adapterText = adapter
    ? adapter.isFallback
      ? 'software WebGPU adapter'
      : 'hardware WebGPU adapter'
    : 'no WebGPU adapter';

  return (
    <div className="backend">
      <span
        className="badge"
        data-testid="backend-badge"
        data-backend={report?.name ?? ''}
        data-software-adapter={adapter ? String(adapter.isFallback) : ''}
        data-second-order-error={report?.secondOrderError ?? ''}
        title={report ? `${report.reason} · ${adapter?.description ?? ''}` : 'starting the engine'}
      >
        {report ? (
          <>
            <strong>{report.name}</strong> <span className="badge-detail">{adapterText}</span>
          </>
        ) : (
          'starting…'
        )}
      </span>
      {report && (
        <span className="badge-reason">
          {report.reason}
          {report.secondOrderError !== null &&
            ` · Hessian check ${report.secondOrderError.toExponential(0)} vs closed form`}
        </span>
      )}
      <label className="backend-choice">
        <span>Backend</span>
        <select
          data-testid="backend-select"
          value={choice}
          onChange={(e) => setBackendChoice(e.target.value as BackendChoice)}
        >
          <option value="auto">auto</option>
          {BACKEND_LADDER.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
