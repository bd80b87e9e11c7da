/**
 * The typed messages between the page (engine client) and the worker (engine host). Bump
 * PROTOCOL_VERSION on any change of shape; each side refuses a message of another version.
 */
import type { AnalysisProgress, AnalysisUpdate } from './analysis';
import type { BackendChoice, BackendName, BackendReport, WasmThreadMode } from './backend';
import type { Checkpoint } from './checkpoint';
import type { ExportDocument } from './exportFormat';
import type { JobResult, JobSpec } from './jobs';
import type { AnalysisSpec, ExperimentSpec } from './experimentSpec';
import type { Pace } from './pace';
import type { RunSummary } from './runSummary';
import type { SeriesChunk } from './series';

export const PROTOCOL_VERSION = 1;

/** Page → worker. */
export type ToWorker =
  | {
      readonly type: 'start';
      readonly version: number;
      readonly spec: ExperimentSpec;
      readonly backend: BackendChoice;
      /** Rungs of the ladder that already failed in this tab. */
      readonly avoid: readonly BackendName[];
      /** 'off' once an engine on threaded wasm crashed in this tab; else 'measure'. */
      readonly wasmThreads: WasmThreadMode;
      /** The experiment generation to continue (the page counts resets; see `snapshot`). */
      readonly generation: number;
      /** Absolute URL of the folder holding the data files (public/data). */
      readonly dataUrl: string;
      /** Resume from this checkpoint instead of the experiment's start (after a crash). */
      readonly resume: Checkpoint | null;
      readonly pace: Pace;
    }
  /** Plays to the experiment's budget (at the budget: on beyond it), at the session's pace. */
  | { readonly type: 'play' }
  | { readonly type: 'setPace'; readonly pace: Pace }
  | { readonly type: 'pause' }
  | { readonly type: 'step'; readonly ticks: number }
  | { readonly type: 'reset'; readonly spec: ExperimentSpec }
  /** New analysis settings for the running experiment (training goes on; analyses rerun). */
  | { readonly type: 'setAnalysis'; readonly analysis: AnalysisSpec }
  /** Run every analysis now, at the current weights. */
  | { readonly type: 'analyse' }
  | { readonly type: 'cancelAnalysis' }
  /** Runs a one-off job beside the experiment (answered by jobProgress / jobResult / jobError). */
  | { readonly type: 'job'; readonly id: number; readonly job: JobSpec }
  | { readonly type: 'cancelJob'; readonly id: number }
  /** Asks for the experiment's data as a `flatland/1` document (answered by 'export'). */
  | { readonly type: 'export'; readonly requestId: number };

/** What the page learns of one run in a snapshot. */
export interface RunSnapshot extends RunSummary {
  /** Points appended since the previous snapshot (null when none). */
  readonly series: SeriesChunk | null;
}

export type EngineStatus = 'paused' | 'playing';

/** Worker → page. */
export type FromWorker =
  | { readonly type: 'ready'; readonly version: number; readonly backend: BackendReport }
  | {
      readonly type: 'snapshot';
      readonly version: number;
      /** Increases by one per reset, so stale snapshots of a previous experiment can be ignored. */
      readonly generation: number;
      readonly status: EngineStatus;
      /** Lockstep ticks completed. */
      readonly tick: number;
      /** Training is held back until the running analysis lands (the pacing rule). */
      readonly waiting: boolean;
      readonly runs: readonly RunSnapshot[];
      /** `tf.memory().numTensors` in the worker, to watch for leaks. */
      readonly numTensors: number;
      /** Analyses finished since the previous snapshot (null when none). */
      readonly analysis: AnalysisUpdate | null;
      /** The tick at which `analysis` took the runs' weights (null with no analysis). */
      readonly analysisTick: number | null;
      /** The analysis under way, if any. */
      readonly progress: AnalysisProgress | null;
      /** Every few seconds, the state to resume from if this worker dies. */
      readonly checkpoint: Checkpoint | null;
      /**
       * When the worker host posted it: epoch ms (performance.timeOrigin + performance.now()), for
       * `npm run bench`'s worker-to-screen latency. Hosts without a page leave it out.
       */
      readonly sentAt?: number;
    }
  | { readonly type: 'export'; readonly requestId: number; readonly document: ExportDocument }
  | { readonly type: 'jobProgress'; readonly id: number; readonly fraction: number }
  | { readonly type: 'jobResult'; readonly id: number; readonly result: JobResult }
  | {
      readonly type: 'jobError';
      readonly id: number;
      readonly text: string;
      readonly cancelled: boolean;
    }
  | { readonly type: 'notice'; readonly level: 'info' | 'warning' | 'error'; readonly text: string }
  | { readonly type: 'deviceLost'; readonly backend: BackendName; readonly text: string }
  | { readonly type: 'fatal'; readonly text: string };
