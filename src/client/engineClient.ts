/**
 * The engine client: the page's only door to the worker. It owns the worker's life — start,
 * commands, and recovery: when the worker crashes or loses its GPU device, it starts a new worker
 * on the next rung of the backend ladder and resumes from the last checkpoint.
 */
import type { BackendChoice, BackendName, BackendReport } from '../protocol/backend';
import type { AnalysisSpec, ExperimentSpec } from '../protocol/experimentSpec';
import type { ExportDocument } from '../protocol/exportFormat';
import type { JobKind, JobResult, JobSpec, ResultOf } from '../protocol/jobs';
import type { Checkpoint } from '../protocol/checkpoint';
import { DEFAULT_PACE, type Pace } from '../protocol/pace';
import { PROTOCOL_VERSION, type FromWorker, type ToWorker } from '../protocol/messages';

type Snapshot = Extract<FromWorker, { type: 'snapshot' }>;

export interface EngineClientEvents {
  ready(report: BackendReport): void;
  snapshot(snapshot: Snapshot): void;
  notice(level: 'info' | 'warning' | 'error', text: string): void;
  /** A new worker took over after a fault; the page should truncate its series to the checkpoint. */
  recovered(checkpoint: Checkpoint | null): void;
}

export type WorkerFactory = () => Worker;

/** Why a job did not finish; `cancelled` when the page asked it to stop. */
export class JobError extends Error {
  constructor(
    message: string,
    readonly cancelled: boolean,
  ) {
    super(message);
    this.name = 'JobError';
  }
}

const defaultWorker: WorkerFactory = () =>
  new Worker(new URL('../worker/engine.worker.ts', import.meta.url), {
    type: 'module',
    name: 'flatland-engine',
  });

/** How many times in a row the client restarts a failing worker before giving up. */
const MAX_RESTARTS = 4;

export class EngineClient {
  private worker: Worker | null = null;
  private spec: ExperimentSpec | null = null;
  private backendChoice: BackendChoice = 'auto';
  private backend: BackendName | null = null;
  private playing = false;
  private pace: Pace = DEFAULT_PACE;
  private readonly avoid: BackendName[] = [];
  /** The running engine's wasm threads (1 when not on wasm), from its 'ready'. */
  private wasmThreadCount = 1;
  /** Set once an engine on threaded wasm crashed: later engines in this tab run one thread. */
  private threadsFailed = false;
  private checkpoint: Checkpoint | null = null;
  private restarts = 0;

  /** The tick of the newest checkpoint a restart would resume from (null before the first). */
  get checkpointTick(): number | null {
    return this.checkpoint?.tick ?? null;
  }

  private generation = 0;
  private nextRequest = 1;
  private readonly jobs = new Map<
    number,
    {
      resolve: (r: JobResult) => void;
      reject: (e: JobError) => void;
      onProgress: (fraction: number) => void;
    }
  >();
  private readonly exports = new Map<
    number,
    { resolve: (d: ExportDocument) => void; reject: (e: Error) => void }
  >();

  constructor(
    private readonly events: EngineClientEvents,
    private readonly createWorker: WorkerFactory = defaultWorker,
    /** Absolute URL of the folder of data files (public/data as served). */
    private readonly dataUrl: () => string = () => new URL('data/', document.baseURI).href,
  ) {}

  /** Starts (or restarts) the engine on `backend` with `spec`, paused. */
  start(spec: ExperimentSpec, backend: BackendChoice): void {
    this.spec = spec;
    this.backendChoice = backend;
    this.avoid.length = 0;
    this.threadsFailed = false;
    this.checkpoint = null;
    this.restarts = 0;
    this.playing = false;
    this.generation = 0;
    this.spawn(null);
  }

  play(): void {
    this.playing = true;
    this.send({ type: 'play' });
  }

  pause(): void {
    this.playing = false;
    this.send({ type: 'pause' });
  }

  /** How fast Play goes (kept across restarts of the worker). */
  setPace(pace: Pace): void {
    this.pace = pace;
    this.send({ type: 'setPace', pace });
  }

  step(ticks = 1): void {
    this.send({ type: 'step', ticks });
  }

  /** A new experiment (or the same one from its start) on the same worker. */
  reset(spec: ExperimentSpec): void {
    this.spec = spec;
    this.checkpoint = null;
    this.generation += 1;
    this.playing = false;
    this.send({ type: 'reset', spec });
  }

  /** New analysis settings: analyses rerun, training is not reset. */
  setAnalysis(analysis: AnalysisSpec): void {
    if (this.spec) this.spec = { ...this.spec, analysis };
    this.send({ type: 'setAnalysis', analysis });
  }

  /** Runs every analysis now, at the current weights. */
  analyse(): void {
    this.send({ type: 'analyse' });
  }

  cancelAnalysis(): void {
    this.send({ type: 'cancelAnalysis' });
  }

  /** The experiment's data as a `flatland/1` document, computed by the worker. */
  requestExport(): Promise<ExportDocument> {
    const requestId = this.nextRequest++;
    return new Promise((resolve, reject) => {
      this.exports.set(requestId, { resolve, reject });
      this.send({ type: 'export', requestId });
    });
  }

  /**
   * Runs a one-off job in the worker. The promise settles with its result, or rejects (with
   * `cancelled: true` on the error after `cancel()`); a crash of the worker rejects it too.
   */
  runJob<K extends JobKind>(
    job: Extract<JobSpec, { kind: K }>,
    onProgress?: (fraction: number) => void,
  ): { result: Promise<ResultOf<K>>; cancel: () => void } {
    const id = this.nextRequest++;
    const result = new Promise<ResultOf<K>>((resolve, reject) => {
      this.jobs.set(id, {
        resolve: (r) => resolve(r as ResultOf<K>),
        reject,
        onProgress: onProgress ?? (() => undefined),
      });
    });
    this.post({ type: 'job', id, job });
    return { result, cancel: () => this.post({ type: 'cancelJob', id }) };
  }

  /** Test hook and fault drill: kills the worker as a crash would. */
  simulateCrash(): void {
    this.recover('the engine worker was terminated');
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  private spawn(resume: Checkpoint | null): void {
    this.wasmThreadCount = 1;
    this.worker?.terminate();
    const worker = this.createWorker();
    this.worker = worker;
    worker.onmessage = (event: MessageEvent<FromWorker>) => this.receive(worker, event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      if (worker === this.worker) this.recover(`the engine worker crashed: ${event.message}`);
    };
    if (!this.spec) return;
    this.post({
      type: 'start',
      version: PROTOCOL_VERSION,
      spec: this.spec,
      backend: this.backendChoice,
      avoid: [...this.avoid],
      wasmThreads: this.threadsFailed ? 'off' : 'measure',
      generation: this.generation,
      dataUrl: this.dataUrl(),
      resume,
      pace: this.pace,
    });
  }

  private receive(worker: Worker, message: FromWorker): void {
    if (worker !== this.worker) return;
    switch (message.type) {
      case 'ready':
        this.backend = message.backend.name;
        this.wasmThreadCount = message.backend.wasmThreads?.count ?? 1;
        this.events.ready(message.backend);
        if (this.playing) this.send({ type: 'play' });
        return;
      case 'snapshot':
        if (message.checkpoint) {
          this.checkpoint = message.checkpoint;
          this.restarts = 0;
        }
        this.events.snapshot(message);
        return;
      case 'export': {
        const pending = this.exports.get(message.requestId);
        this.exports.delete(message.requestId);
        pending?.resolve(message.document);
        return;
      }
      case 'jobProgress':
        this.jobs.get(message.id)?.onProgress(message.fraction);
        return;
      case 'jobResult':
        this.jobs.get(message.id)?.resolve(message.result);
        this.jobs.delete(message.id);
        return;
      case 'jobError':
        this.jobs.get(message.id)?.reject(new JobError(message.text, message.cancelled));
        this.jobs.delete(message.id);
        return;
      case 'notice':
        this.events.notice(message.level, message.text);
        return;
      case 'deviceLost':
        this.recover(`the ${message.backend} device was lost (${message.text})`, message.backend);
        return;
      case 'fatal':
        this.events.notice('error', message.text);
        return;
      default:
        message satisfies never;
    }
  }

  private recover(why: string, failedBackend: BackendName | null = this.backend): void {
    for (const pending of this.exports.values()) pending.reject(new Error(why));
    this.exports.clear();
    for (const job of this.jobs.values()) job.reject(new JobError(why, false));
    this.jobs.clear();
    if (this.restarts >= MAX_RESTARTS) {
      this.events.notice(
        'error',
        `${why}; gave up after ${MAX_RESTARTS} restarts — reload the page`,
      );
      this.dispose();
      return;
    }
    this.restarts += 1;
    // Threads are the likelier culprit of a crash on threaded wasm: the retry runs one thread.
    if (failedBackend === 'wasm' && this.wasmThreadCount > 1) this.threadsFailed = true;
    // A device loss or a crash on a GPU backend: step down the ladder. A crash on wasm or cpu is
    // more likely our fault than the backend's: retry the same rung once before stepping down.
    if (
      failedBackend &&
      (failedBackend === 'webgpu' || failedBackend === 'webgl' || this.restarts > 1)
    ) {
      if (!this.avoid.includes(failedBackend)) this.avoid.push(failedBackend);
    }
    const at = this.checkpoint ? `tick ${this.checkpoint.tick}` : 'the start';
    this.events.notice('warning', `${why}. Restarted the engine and resumed from ${at}.`);
    this.events.recovered(this.checkpoint);
    this.spawn(this.checkpoint);
  }

  private send(message: Exclude<ToWorker, { type: 'start' }>): void {
    this.post(message);
  }

  private post(message: ToWorker): void {
    this.worker?.postMessage(message);
  }
}
