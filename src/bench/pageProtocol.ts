/** The messages between the bench page (src/bench/page) and its worker (src/bench/worker). */
import type { BackendBench } from './measure';

/** Page → worker: run the benchmarks on `backend`. */
export interface BenchRequest {
  readonly backend: 'webgpu' | 'webgl' | 'wasm' | 'cpu';
  readonly quick: boolean;
  /**
   * wasm only: run tfjs's threaded build with this many threads (≥ 2), whatever the machine's
   * core count (tfjs sizes its pool from it, so the worker reports twice as many cores).
   */
  readonly threads?: number;
  /** Absolute URL of public/data/mnist.bin as served. */
  readonly dataUrl: string;
}

/** Worker → page. */
export type BenchMessage =
  | { readonly type: 'log'; readonly text: string }
  /** The backend did not start: the ladder fell to another rung (or none). */
  | { readonly type: 'unavailable'; readonly reason: string }
  | {
      readonly type: 'done';
      readonly result: BackendBench;
      readonly gpuAdapter: { readonly description: string; readonly isFallback: boolean } | null;
    }
  | { readonly type: 'error'; readonly text: string };

/** What the bench page leaves on `window.benchOutcome` once its worker is done. */
export type BenchOutcome = Exclude<BenchMessage, { type: 'log' }>;
