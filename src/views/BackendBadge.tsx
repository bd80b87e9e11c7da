import type { BackendChoice, BackendReport } from '../protocol/backend';
import { BACKEND_LADDER } from '../protocol/backend';
import { setBackendChoice } from '../store/actions';
import { useAppStore } from './useAppStore';

/**
 * What the chosen backend computes on. The WebGPU adapter is named only when WebGPU is the one in
 * use; otherwise the reason line says why it was passed over.
 */
export function backendDetail(report: BackendReport): string {
  switch (report.name) {
    case 'webgpu':
      return report.gpuAdapter?.isFallback ? 'on a software WebGPU adapter' : 'on the GPU';
    case 'webgl':
      return report.webglRenderer?.isSoftware
        ? 'on a software WebGL renderer'
        : 'on the GPU (WebGL)';
    case 'wasm':
      return (report.wasmThreads?.count ?? 1) > 1
        ? `on the CPU (WebAssembly, ${report.wasmThreads?.count} threads)`
        : 'on the CPU (WebAssembly)';
    case 'cpu':
      return 'on the CPU (JavaScript)';
  }
}

/** Which tfjs backend the worker runs and on what, why it was chosen, and an override. */
export function BackendBadge() {
  const report = useAppStore((s) => s.backend);
  const choice = useAppStore((s) => s.backendChoice);
  const adapter = report?.gpuAdapter ?? null;

  return (
    <div className="backend">
      <span
        className="badge"
        data-testid="backend-badge"
        data-backend={report?.name ?? ''}
        data-software-adapter={adapter ? String(adapter.isFallback) : ''}
        data-second-order-error={report?.secondOrderError ?? ''}
        data-wasm-threads={report?.wasmThreads?.count ?? ''}
        title={report ? `${report.reason} · ${adapter?.description ?? ''}` : 'starting the engine'}
      >
        {report ? (
          <>
            <strong>{report.name}</strong>{' '}
            <span className="badge-detail">{backendDetail(report)}</span>
          </>
        ) : (
          'starting…'
        )}
      </span>
      {report && (
        <span className="badge-reason" data-testid="backend-reason">
          {report.reason}
          {report.wasmThreads && ` · ${report.wasmThreads.detail}`}
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
