/**
 * The engine's scheduler: one experiment, driven by commands (play, pause, step, reset), advanced
 * tick by tick in time slices so a command is answered within a slice, with throttled snapshots
 * and periodic checkpoints. Pure and host-agnostic: the worker and tests supply a SessionHost.
 */
import type { ExperimentSpec } from '../protocol/experimentSpec';
import type { Checkpoint } from '../protocol/checkpoint';
import { PROTOCOL_VERSION, type FromWorker, type RunSnapshot, type ToWorker } from '../protocol/messages';
import { seriesChunkBuffers } from '../protocol/series';
import type { Experiment } from './experiment';

export interface SessionHost {
  post(message: FromWorker, transfer: ArrayBuffer[]): void;
  /** Milliseconds, monotonic. */
  now(): number;
  /** Lets the host's event loop deliver messages. */
  yieldToHost(): Promise<void>;
  numTensors(): number;
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
}

export const DEFAULT_TIMING: SessionTiming = { sliceMs: 30, snapshotMs: 66, checkpointMs: 2000 };

type Command = Exclude<ToWorker, { type: 'start' }>;

export class Session {
  private playing = false;
  private pendingTicks = 0;
  private pendingReset: ExperimentSpec | null = null;
  private lastSnapshot = -Infinity;
  private lastCheckpoint: number;
  private wake: (() => void) | null = null;
  private stopped = false;
  private readonly done: Promise<void>;

  private constructor(
    private readonly host: SessionHost,
    private experiment: Experiment,
    private generation: number,
    private readonly timing: SessionTiming,
  ) {
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
  ): Promise<Session> {
    const experiment = await host.createExperiment(spec, resume);
    const session = new Session(host, experiment, generation, timing);
    session.postSnapshot(null);
    return session;
  }

  handle(command: Command): void {
    switch (command.type) {
      case 'play':
        this.playing = true;
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
        break;
      default:
        command satisfies never;
    }
    this.wake?.();
  }

  /** Stops the loop and frees the experiment's tensors. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.done;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      if (this.pendingReset) {
        const spec = this.pendingReset;
        this.pendingReset = null;
        this.experiment.dispose();
        this.generation += 1;
        this.experiment = await this.host.createExperiment(spec, null);
        this.postSnapshot(null);
        continue;
      }
      if (!this.playing && this.pendingTicks === 0) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = null;
        continue;
      }
      const sliceStart = this.host.now();
      do {
        this.experiment.advance();
        await this.experiment.measure();
        if (this.pendingTicks > 0) this.pendingTicks -= 1;
      } while (
        this.playing &&
        !this.pendingReset &&
        this.experiment.anyRunning() &&
        this.host.now() - sliceStart < this.timing.sliceMs
      );
      if (!this.experiment.anyRunning()) {
        this.playing = false;
        this.pendingTicks = 0;
      }
      const now = this.host.now();
      const idle = !this.playing && this.pendingTicks === 0;
      if (idle || now - this.lastSnapshot >= this.timing.snapshotMs) {
        const checkpoint = idle || now - this.lastCheckpoint >= this.timing.checkpointMs;
        this.postSnapshot(checkpoint ? await this.experiment.checkpoint(this.generation) : null);
        if (checkpoint) this.lastCheckpoint = now;
      }
      await this.host.yieldToHost();
    }
    this.experiment.dispose();
  }

  private postSnapshot(checkpoint: Checkpoint | null): void {
    this.lastSnapshot = this.host.now();
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
    this.host.post(
      {
        type: 'snapshot',
        version: PROTOCOL_VERSION,
        generation: this.generation,
        status: this.playing ? 'playing' : 'paused',
        runs,
        numTensors: this.host.numTensors(),
        checkpoint,
      },
      transfer,
    );
  }
}
