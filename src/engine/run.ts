/**
 * One optimizer run inside an experiment: it steps until it has spent its gradient budget,
 * records its measurements, and stops itself — keeping its history — when it diverges.
 */
import type { Optimizer } from '../core/optimizers/optimizer';
import type { RunCheckpoint } from '../protocol/checkpoint';
import type { RunSpec } from '../protocol/experimentSpec';
import type { RunStatus } from '../protocol/runSummary';
import type { Evaluator, Measurement } from './evaluator';
import { SeriesRecorder } from './seriesRecorder';

/** Trajectory points kept per run; when full, every other point is dropped (oldest detail first). */
const TRAJECTORY_CAP = 256;

/** A weight norm this many times the initial one (or 1) means the run has blown up. */
const NORM_EXPLOSION = 1e4;

/**
 * Why a measurement means the run cannot go on, or null if it can. With `normScheduled` (an SGD
 * norm schedule sets ‖w‖ after every step) a large norm is the schedule's, not a blow-up: only a
 * non-finite one counts.
 */
export function divergenceReason(
  m: Measurement,
  initialNorm: number,
  step: number,
  normScheduled = false,
): string | null {
  if (!Number.isFinite(m.trainLoss)) {
    return `the training loss became ${m.trainLoss} at step ${step} — try a smaller learning rate`;
  }
  const tooLarge = !normScheduled && m.weightNorm > NORM_EXPLOSION * Math.max(1, initialNorm);
  if (!Number.isFinite(m.weightNorm) || tooLarge) {
    return `the weight norm exploded to ${m.weightNorm.toPrecision(3)} at step ${step} — try a smaller learning rate`;
  }
  return null;
}

export class Run {
  readonly id: string;
  readonly label: string;
  readonly recorder: SeriesRecorder;
  status: RunStatus;
  reason: string | null;
  private initialNorm = Number.NaN;
  /** A norm schedule sets ‖w‖: its growth is no divergence. */
  private readonly normScheduled: boolean;
  /** Host copies of the evaluated point, oldest first (thinned to TRAJECTORY_CAP). */
  readonly trajectory: Float32Array[] = [];

  constructor(
    spec: RunSpec,
    readonly optimizer: Optimizer,
    private readonly problem: { readonly samplesDrawn: number },
    private readonly evaluator: Evaluator,
    saved: RunCheckpoint | null,
    /** For a rescaled copy: the run it copies, whose steps move it and whose stop stops it. */
    private readonly source: Run | null = null,
    /** Why the run could not be built (it then stays at the initial weights), or null. */
    failure: string | null = null,
  ) {
    this.id = spec.id;
    this.label = spec.label;
    this.status = failure ? 'failed' : (saved?.status ?? 'running');
    this.reason = failure ?? saved?.reason ?? null;
    this.recorder = new SeriesRecorder(saved?.seriesLength ?? 0);
    this.normScheduled =
      spec.optimizer.kind === 'sgd' && spec.optimizer.normSchedule.kind !== 'none';
  }

  get steps(): number {
    return this.optimizer.steps;
  }

  get gradEvals(): number {
    return this.optimizer.gradEvals;
  }

  /** The point to evaluate (owned by the optimizer). */
  params() {
    return this.optimizer.params();
  }

  /** Steps until at least `target` gradient evaluations are spent. */
  advanceTo(target: number): void {
    if (this.status !== 'running' || this.source) return;
    while (this.optimizer.gradEvals < target) {
      const before = this.optimizer.gradEvals;
      this.optimizer.step();
      if (this.optimizer.gradEvals <= before) {
        throw new Error(`${this.label}: a step spent no gradient evaluations`);
      }
    }
  }

  /** The first measurement, at the initial weights (skipped when resuming). */
  async measureInitial(): Promise<void> {
    const m = await this.evaluator.measure(this.optimizer.params());
    this.initialNorm = m.weightNorm;
    await this.remember();
    if (this.recorder.length === 0) this.record(m);
  }

  /** Measures the run; `record: false` keeps the point off the series (decimation). */
  async measure(record = true): Promise<void> {
    if (this.status !== 'running') return;
    if (this.source && this.source.status !== 'running') {
      this.status = this.source.status;
      this.reason = `its source, ${this.source.label}, stopped: ${this.source.reason ?? 'no reason given'}`;
      return;
    }
    const m = await this.evaluator.measure(this.optimizer.params());
    if (record) this.record(m);
    if (Number.isFinite(m.trainLoss)) await this.remember();
    const reason = divergenceReason(m, this.initialNorm, this.optimizer.steps, this.normScheduled);
    if (reason) {
      this.status = 'diverged';
      this.reason = reason;
    }
  }

  async checkpoint(): Promise<RunCheckpoint> {
    return {
      id: this.id,
      status: this.status,
      reason: this.reason,
      optimizer: await this.optimizer.snapshot(),
      samplesDrawn: this.problem.samplesDrawn,
      seriesLength: this.recorder.length,
    };
  }

  /** The current evaluated point as a host copy (the last trajectory point). */
  weights(): Float32Array {
    const last = this.trajectory[this.trajectory.length - 1];
    if (!last) throw new Error(`${this.label} has no recorded weights yet`);
    return last;
  }

  dispose(): void {
    this.optimizer.dispose();
  }

  private async remember(): Promise<void> {
    const w = Float32Array.from(await this.optimizer.params().data());
    this.trajectory.push(w);
    if (this.trajectory.length > TRAJECTORY_CAP) {
      const kept = this.trajectory.filter(
        (_, i) => i % 2 === 0 || i === this.trajectory.length - 1,
      );
      this.trajectory.splice(0, this.trajectory.length, ...kept);
    }
  }

  private record(m: Measurement): void {
    this.recorder.push({ step: this.optimizer.steps, gradEvals: this.optimizer.gradEvals, ...m });
  }
}
