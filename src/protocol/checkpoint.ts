/**
 * What a new worker needs to resume an experiment where a dead one left it: every run's optimizer
 * state and how much of its series the page already holds.
 */
import type { OptimizerSnapshot } from '../core/optimizers/optimizer';
import type { RunSummary } from './runSummary';

export interface RunCheckpoint extends Pick<RunSummary, 'id' | 'status' | 'reason'> {
  readonly optimizer: OptimizerSnapshot;
  /** Minibatch samples drawn so far: a resumed run continues the same minibatch stream. */
  readonly samplesDrawn: number;
  /** Points of this run's series recorded up to the checkpoint. */
  readonly seriesLength: number;
}

export interface Checkpoint {
  /** The experiment generation (resets) it belongs to. */
  readonly generation: number;
  /** Lockstep ticks completed. */
  readonly tick: number;
  readonly runs: readonly RunCheckpoint[];
}
