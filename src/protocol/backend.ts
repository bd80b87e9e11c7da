/** The tfjs backends Flatland can run on, fastest-first on real hardware (DESIGN.md "The backend ladder"). */
export const BACKEND_LADDER = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_LADDER)[number];
/** What the user (or the permalink) asks for: a backend, or the ladder's choice. */
export type BackendChoice = BackendName | 'auto';

export function isBackendName(value: unknown): value is BackendName {
  return typeof value === 'string' && (BACKEND_LADDER as readonly string[]).includes(value);
}

/** One rung tried on the way down the ladder, and what happened. */
export interface BackendAttempt {
  readonly name: BackendName;
  readonly outcome: 'chosen' | 'failed' | 'skipped';
  readonly detail: string;
}

/**
 * How the worker settles wasm threads: keep them only if measured faster (the app), keep them
 * wherever they start (the bench's threaded column), or not try them (after a threaded engine
 * crashed in this tab).
 */
export type WasmThreadMode = 'measure' | 'force' | 'off';

/** How many threads the wasm backend computes with, and why. */
export interface WasmThreads {
  readonly count: number;
  /** One sentence: the measurement that chose the count, or why threads were not tried. */
  readonly detail: string;
  /** The probe step's milliseconds with one thread and with threads, when both were measured. */
  readonly measuredMs?: { readonly single: number; readonly threaded: number };
}

/** What the worker tells the page about the backend it runs on. */
export interface BackendReport {
  readonly name: BackendName;
  readonly requested: BackendChoice;
  /** The WebGPU adapter, when one was found: its description and whether it is a software fallback. */
  readonly gpuAdapter: { readonly description: string; readonly isFallback: boolean } | null;
  /** The WebGL renderer when WebGL is the backend in use: its name and whether it is software. */
  readonly webglRenderer?: { readonly renderer: string; readonly isSoftware: boolean } | null;
  /** When wasm is the backend in use: its XNNPACK threads and why that many (measured or not tried). */
  readonly wasmThreads?: WasmThreads | null;
  /**
   * The start-up check of second derivatives on this backend: the relative error of an autodiff
   * softmax-regression Hessian against its closed form (≤ 1e-4 to be trusted).
   */
  readonly secondOrderError: number | null;
  /** One sentence for the badge: why this backend. */
  readonly reason: string;
  readonly attempts: readonly BackendAttempt[];
}
