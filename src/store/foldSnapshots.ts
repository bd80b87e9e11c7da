/**
 * What the engine's snapshots change in the store, folded in arrival order: each run's status,
 * counters and series (appended in place), the engine's status and tick, and the analyses. Folding
 * [a, b] at once gives the state folding a then b would, in one store update.
 */
import type { FromWorker } from '../protocol/messages';
import { foldAnalysis } from './analysisState';
import type { AppState, RunView } from './appStore';
import { appendSeries } from './seriesBuffer';

export type Snapshot = Extract<FromWorker, { type: 'snapshot' }>;

type SnapshotFields = Pick<
  AppState,
  'runs' | 'numTensors' | 'engine' | 'tick' | 'waiting' | 'analysis' | 'analysisProgress'
>;

function foldOne(s: SnapshotFields, snapshot: Snapshot): SnapshotFields {
  const runs = s.runs.map((run): RunView => {
    const update = snapshot.runs.find((r) => r.id === run.id);
    if (!update) return run;
    return {
      ...run,
      status: update.status,
      reason: update.reason,
      steps: update.steps,
      gradEvals: update.gradEvals,
      series: update.series ? appendSeries(run.series, update.series) : run.series,
    };
  });
  return {
    runs,
    numTensors: snapshot.numTensors,
    engine: snapshot.status,
    tick: snapshot.tick,
    waiting: snapshot.waiting,
    analysis: snapshot.analysis
      ? foldAnalysis(s.analysis, snapshot.analysis, snapshot.analysisTick)
      : s.analysis,
    analysisProgress: snapshot.progress,
  };
}

/** The store fields `snapshots` change, from `state`; snapshots of another generation are skipped. */
export function foldSnapshots(
  state: AppState,
  snapshots: readonly Snapshot[],
): Partial<SnapshotFields> {
  const current = snapshots.filter((snapshot) => snapshot.generation === state.generation);
  return current.length === 0 ? {} : current.reduce<SnapshotFields>(foldOne, state);
}
