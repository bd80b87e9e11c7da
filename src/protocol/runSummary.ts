/**
 * Where a run stands — the leaf types that the worker's messages, its checkpoints and the export
 * all speak of, so that none of those modules imports another for them.
 */
export type RunStatus = 'running' | 'diverged' | 'failed';

/** A run's identity and progress: what a snapshot reports and an export keeps. */
export interface RunSummary {
  readonly id: string;
  readonly label: string;
  readonly status: RunStatus;
  /** Why the run stopped, when it did. */
  readonly reason: string | null;
  readonly steps: number;
  readonly gradEvals: number;
}
