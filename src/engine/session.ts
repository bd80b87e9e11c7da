/**
 * The engine's scheduler: one experiment, driven by commands (play, pause, step, reset, analysis
 * settings, export), advanced tick by tick in time slices so a command is answered within a
 * slice, with throttled snapshots and periodic checkpoints. Analyses run beside training: both
 * interleave between chunks, so pause, step and reset stay prompt during a long analysis.
 * Pure and host-agnostic: the worker, the CLI and the tests supply a SessionHost.
 *
 * Pacing (./pacing.ts): Play stops at the spec's budget; training waits for a running analysis
 * rather than run more than one cadence ahead of it; at the slow and normal paces ticks are
 * spread over time so that a budget plays in a fixed number of seconds.
 */
import { CancelledError } from '../core/cancel';
import { frobeniusNorm, type AnalysisProgress, type AnalysisUpdate } from '../protocol/analysis';
import type { Checkpoint } from '../protocol/checkpoint';
import type { AnalysisSpec, ExperimentSpec } from '../protocol/experimentSpec';
import {
  PROTOCOL_VERSION,
  type FromWorker,
  type RunSnapshot,
  type ToWorker,
} from '../protocol/messages';
import { DEFAULT_PACE, type Pace } from '../protocol/pace';
import { seriesChunkBuffers } from '../protocol/series';
import type { Experiment } from './experiment';
import { exportExperiment, type LatestAnalyses } from './exportExperiment';
import { atBudget, mustWaitForAnalysis, TickClock, ticksPerSecond } from './pacing';

export interface SessionHost {
  post(message: FromWorker, transfer: ArrayBuffer[]): void;
  /** Milliseconds, monotonic. */
  now(): number;
  /** Lets the host's event loop deliver messages. */
  yieldToHost(): Promise<void>;
  /** Resolves after `ms` milliseconds of the host's clock (`now`). */
  sleep(ms: number): Promise<void>;
  numTensors(): number;
  /** The backend the numbers come from (for the export). */
  backendName(): string;
  /** An error escaped the scheduler: the host decides (the worker dies so the client can recover). */
  fault(error: unknown): void;
  /** Builds an experiment (the host knows where data files live), resumed from `resume` if given. */
  createExperiment(spec: ExperimentSpec, resume: Checkpoint | null): Promise<Experiment>;
}

export interface SessionTiming {
  /** Longest stretch of ticks between two yields to the host. */
  readonly sliceMs: number;
  /** Shortest interval between two snapshots (10–20 per second). */
  readonly snapshotMs: number;
  /** Shortest interval between two checkpoints. */
  readonly checkpointMs: number;
  /**
   * Training waits for a due analysis to finish (the CLI: every analysis lands on the same tick
   * run after run). The page lets them interleave so that it stays responsive.
   */
  readonly analysesBlockTraining: boolean;
}

export const DEFAULT_TIMING: SessionTiming = {
  sliceMs: 30,
  snapshotMs: 100,
  checkpointMs: 2000,
  analysesBlockTraining: false,
};

type Command = Exclude<ToWorker, { type: 'start' | 'job' | 'cancelJob' }>;

function emptyLatest(): LatestAnalyses {
  return {
    spectra: new Map(),
    history: new Map(),
    flatness: new Map(),
    slice: null,
    localSlices: [],
  };
}

interface RunningAnalysis {
  readonly signal: { aborted: boolean };
  readonly done: Promise<void>;
}

export class Session {
  private playing = false;
  private pendingTicks = 0;
  private pendingReset: ExperimentSpec | null = null;
  private lastSnapshot = -Infinity;
  private lastStatus: 'playing' | 'paused' = 'paused';
  private lastCheckpoint: number;
  private wake: (() => void) | null = null;
  private stopped = false;
  private readonly done: Promise<void>;
  private analysisSpec: AnalysisSpec;
  private analysisDue = true;
  private lastAnalysisTick = 0;
  private analysis: RunningAnalysis | null = null;
  private progress: AnalysisProgress | null = null;
  private pendingAnalysis: AnalysisUpdate | null = null;
  private pendingAnalysisTick: number | null = null;
  private latest: LatestAnalyses = emptyLatest();
  private pace: Pace;
  private readonly clock: TickClock;
  /** The viewer played on past the budget. */
  private beyond = false;
  /** Training is held back until the running analysis lands. */
  private waiting = false;
  /** The tick of the newest analysis that landed. */
  private landedTick = Number.NEGATIVE_INFINITY;

  private constructor(
    private readonly host: SessionHost,
    private experiment: Experiment,
    private generation: number,
    private readonly timing: SessionTiming,
    pace: Pace,
  ) {
    this.analysisSpec = experiment.spec.analysis;
    this.pace = pace;
    this.clock = new TickClock(ticksPerSecond(pace, experiment.spec.budget));
    this.lastCheckpoint = host.now();
    this.done = this.loop().catch((error: unknown) => host.fault(error));
  }

  /** Builds the experiment and starts the scheduler, paused. */
  static async start(
    host: SessionHost,
    spec: ExperimentSpec,
    generation: number,
    resume: Checkpoint | null,
    timing: SessionTiming = DEFAULT_TIMING,
    pace: Pace = DEFAULT_PACE,
  ): Promise<Session> {
    const experiment = await host.createExperiment(spec, resume);
    const session = new Session(host, experiment, generation, timing, pace);
    session.postSnapshot(null);
    return session;
  }

  /** The experiment being run (the CLI reads it; the page never does). */
  get current(): Experiment {
    return this.experiment;
  }

  /** True while an analysis is under way or due. */
  get analysing(): boolean {
    return this.analysis !== null || this.analysisDue;
  }

  handle(command: Command): void {
    switch (command.type) {
      case 'play':
        // Play at the end of the experiment goes on beyond it, visibly (the page marks it).
        if (atBudget(this.experiment.tick, this.experiment.spec.budget, this.beyond))
          this.beyond = true;
        if (!this.playing) this.clock.restart();
        this.playing = true;
        break;
      case 'setPace':
        this.pace = command.pace;
        this.clock.setRate(ticksPerSecond(command.pace, this.experiment.spec.budget));
        this.clock.restart();
        break;
      case 'pause':
        this.playing = false;
        this.pendingTicks = 0;
        break;
      case 'step':
        this.pendingTicks += Math.max(0, Math.floor(command.ticks));
        break;
      case 'reset':
        this.playing = false;
        this.pendingTicks = 0;
        this.pendingReset = command.spec;
        this.cancelAnalysis();
        break;
      case 'setAnalysis':
        this.analysisSpec = command.analysis;
        this.cancelAnalysis();
        this.analysisDue = true;
        break;
      case 'analyse':
        this.analysisDue = true;
        break;
      case 'cancelAnalysis':
        this.cancelAnalysis();
        this.analysisDue = false;
        break;
      case 'export':
        this.host.post(
          {
            type: 'export',
            requestId: command.requestId,
            document: exportExperiment(this.experiment, this.latest, this.host.backendName()),
          },
          [],
        );
        break;
      default:
        command satisfies never;
    }
    this.wake?.();
  }

  /** Stops the loop and frees the experiment's tensors. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.cancelAnalysis();
    this.wake?.();
    await this.done;
  }

  /** Resolves when no analysis is due or running (for hosts that run to completion: the CLI). */
  async settle(): Promise<void> {
    while (this.analysing && !this.stopped) {
      this.wake?.();
      await (this.analysis?.done ?? this.host.yieldToHost());
    }
  }

  private cancelAnalysis(): void {
    if (this.analysis) this.analysis.signal.aborted = true;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      if (this.pendingReset) {
        const spec = this.pendingReset;
        this.pendingReset = null;
        await this.analysis?.done;
        this.experiment.dispose();
        this.generation += 1;
        this.experiment = await this.host.createExperiment(spec, null);
        this.analysisSpec = spec.analysis;
        this.latest = emptyLatest();
        this.pendingAnalysis = null;
        this.pendingAnalysisTick = null;
        this.analysisDue = true;
        this.lastAnalysisTick = 0;
        this.beyond = false;
        this.landedTick = Number.NEGATIVE_INFINITY;
        this.clock.setRate(ticksPerSecond(this.pace, spec.budget));
        this.clock.restart();
        this.postSnapshot(null);
        continue;
      }
      this.maybeStartAnalysis();
      const training = this.playing || this.pendingTicks > 0;
      if (this.analysis && training && this.mustWait()) {
        this.setWaiting(true);
        await this.analysis.done;
        continue;
      }
      this.setWaiting(false);
      if (
        this.playing &&
        this.pendingTicks === 0 &&
        atBudget(this.experiment.tick, this.experiment.spec.budget, this.beyond)
      ) {
        // The end of the experiment: its last analysis lands on this very tick.
        this.playing = false;
        if (this.lastAnalysisTick !== this.experiment.tick) this.analysisDue = true;
        continue;
      }
      if (this.playing && this.pendingTicks === 0) {
        const delay = this.clock.delay(this.host.now());
        if (delay > 0) {
          await this.sleepOrWake(delay);
          continue;
        }
      }
      if (!this.playing && this.pendingTicks === 0) {
        // A pause that arrived after the last slice's snapshot: say so before going idle.
        if (this.lastStatus !== 'paused') await this.maybeSnapshot();
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = null;
        continue;
      }
      const sliceStart = this.host.now();
      // While an analysis runs beside training, shorter slices give it about half the time.
      const sliceMs = this.analysis ? this.timing.sliceMs / 3 : this.timing.sliceMs;
      const every = this.analysisSpec.every;
      do {
        if (this.pendingTicks === 0) this.clock.started(this.host.now());
        this.experiment.advance();
        await this.experiment.measure();
        if (this.pendingTicks > 0) this.pendingTicks -= 1;
        // The cadence is counted in ticks, not time: analyses land on the same ticks every run.
        if (every > 0 && this.experiment.tick - this.lastAnalysisTick >= every) {
          this.analysisDue = true;
          break;
        }
      } while (this.mayTickAgain(sliceStart, sliceMs));
      if (!this.experiment.anyRunning()) {
        this.playing = false;
        this.pendingTicks = 0;
      }
      await this.maybeSnapshot();
      await this.host.yieldToHost();
    }
    await this.analysis?.done;
    this.experiment.dispose();
  }

  /** May the current slice run one more tick? */
  private mayTickAgain(sliceStart: number, sliceMs: number): boolean {
    if (this.pendingReset || !this.experiment.anyRunning()) return false;
    const now = this.host.now();
    if (now - sliceStart >= sliceMs) return false;
    if (this.pendingTicks > 0) return true;
    if (!this.playing) return false;
    if (atBudget(this.experiment.tick, this.experiment.spec.budget, this.beyond)) return false;
    return this.clock.delay(now) === 0;
  }

  private mustWait(): boolean {
    return (
      this.timing.analysesBlockTraining ||
      mustWaitForAnalysis({
        pace: this.pace,
        waitAlways: this.analysisSpec.wait,
        every: this.analysisSpec.every,
        tick: this.experiment.tick,
        landedTick: this.landedTick,
      })
    );
  }

  /** Says on the page when training starts or stops waiting for an analysis. */
  private setWaiting(waiting: boolean): void {
    if (waiting === this.waiting) return;
    this.waiting = waiting;
    this.postSnapshot(null);
  }

  /** Sleeps `ms`, or less if a command arrives. */
  private async sleepOrWake(ms: number): Promise<void> {
    await Promise.race([
      this.host.sleep(ms),
      new Promise<void>((resolve) => (this.wake = resolve)),
    ]);
    this.wake = null;
  }

  private async maybeSnapshot(): Promise<void> {
    const now = this.host.now();
    const idle = !this.playing && this.pendingTicks === 0;
    if (idle || now - this.lastSnapshot >= this.timing.snapshotMs) {
      const checkpoint = idle || now - this.lastCheckpoint >= this.timing.checkpointMs;
      this.postSnapshot(checkpoint ? await this.experiment.checkpoint(this.generation) : null);
      if (checkpoint) this.lastCheckpoint = now;
    }
  }

  private maybeStartAnalysis(): void {
    if (!this.analysisDue || this.analysis || this.pendingReset) return;
    this.analysisDue = false;
    const tick = this.experiment.tick;
    this.lastAnalysisTick = tick;
    const signal = { aborted: false };
    const experiment = this.experiment;
    const done = experiment
      .analyse(this.analysisSpec, {
        signal,
        yieldToHost: () => this.host.yieldToHost(),
        onStage: (progress) => {
          this.progress = progress;
          if (this.host.now() - this.lastSnapshot >= this.timing.snapshotMs)
            this.postSnapshot(null);
        },
        // Each panel's results land as soon as they are done (the whole update is their sum).
        onPartial: (partial) => {
          if (experiment !== this.experiment || signal.aborted) return;
          this.remember(partial, tick);
          this.postSnapshot(null);
        },
      })
      .then(
        () => {
          // Every panel now shows this tick: the pacing rule counts from here.
          if (experiment === this.experiment) this.landedTick = tick;
        },
        (error: unknown) => {
          if (!(error instanceof CancelledError)) throw error;
        },
      )
      .catch((error: unknown) => {
        this.host.post(
          {
            type: 'notice',
            level: 'error',
            text: `An analysis failed: ${error instanceof Error ? error.message : String(error)}`,
          },
          [],
        );
      })
      .finally(() => {
        this.analysis = null;
        this.progress = null;
        if (experiment === this.experiment && !this.pendingReset) this.postSnapshot(null);
        this.wake?.();
      });
    this.analysis = { signal, done };
  }

  private remember(update: AnalysisUpdate, tick: number): void {
    for (const s of update.spectra) {
      this.latest.spectra.set(s.runId, s);
      const history = this.latest.history.get(s.runId) ?? [];
      history.push({
        step: s.step,
        gradEvals: s.gradEvals,
        lambdaMax: s.lambdaMax,
        trace: s.trace,
        traceError: s.traceError,
        frobenius: frobeniusNorm(s),
        confinement: s.confinement,
        outliers: s.outliers,
      });
      this.latest.history.set(s.runId, history);
    }
    for (const f of update.flatness) this.latest.flatness.set(f.runId, f);
    if (update.slice) this.latest.slice = update.slice;
    if (update.localSlices.length > 0) this.latest.localSlices = update.localSlices;
    this.pendingAnalysis = this.pendingAnalysis
      ? mergeUpdates(this.pendingAnalysis, update)
      : update;
    this.pendingAnalysisTick = tick;
  }

  private postSnapshot(checkpoint: Checkpoint | null): void {
    this.lastSnapshot = this.host.now();
    // 'playing' while any training is pending, so a host waiting for 'paused' waits for all of it.
    this.lastStatus = this.playing || this.pendingTicks > 0 ? 'playing' : 'paused';
    const transfer: ArrayBuffer[] = [];
    const runs: RunSnapshot[] = this.experiment.runs.map((run) => {
      const series = run.recorder.flush();
      if (series) transfer.push(...seriesChunkBuffers(series));
      return {
        id: run.id,
        label: run.label,
        status: run.status,
        reason: run.reason,
        steps: run.steps,
        gradEvals: run.gradEvals,
        series,
      };
    });
    const analysis = this.pendingAnalysis;
    const analysisTick = this.pendingAnalysisTick;
    this.pendingAnalysis = null;
    this.pendingAnalysisTick = null;
    this.host.post(
      {
        type: 'snapshot',
        version: PROTOCOL_VERSION,
        generation: this.generation,
        status: this.lastStatus,
        tick: this.experiment.tick,
        waiting: this.waiting,
        runs,
        numTensors: this.host.numTensors(),
        analysis,
        analysisTick,
        progress: this.progress,
        checkpoint,
      },
      transfer,
    );
  }
}

/** Two updates of one analysis not yet posted, as one (the later one's parts win). */
function mergeUpdates(a: AnalysisUpdate, b: AnalysisUpdate): AnalysisUpdate {
  const byRun = <T extends { runId: string }>(x: readonly T[], y: readonly T[]): T[] => [
    ...x.filter((r) => !y.some((s) => s.runId === r.runId)),
    ...y,
  ];
  return {
    spectra: byRun(a.spectra, b.spectra),
    flatness: byRun(a.flatness, b.flatness),
    slice: b.slice ?? a.slice,
    localSlices: b.localSlices.length > 0 ? b.localSlices : a.localSlices,
    interpolation: b.interpolation ?? a.interpolation,
  };
}
