import { describe, expect, it } from 'vitest';
import { defaultExperimentSpec } from '../protocol/defaultExperiment';
import { appStore, initialState, type AppState } from './appStore';
import { engineEvents } from './engineEvents';
import { foldSnapshots, type Snapshot } from './foldSnapshots';
import { snapshot } from './snapshotFixture.node';

const spec = defaultExperimentSpec();

function fold(state: AppState, snapshots: readonly Snapshot[]): AppState {
  return { ...state, ...foldSnapshots(state, snapshots) };
}

/** What a view can see of a state: counters and the series' points. */
function visible(state: AppState) {
  return {
    tick: state.tick,
    engine: state.engine,
    numTensors: state.numTensors,
    progress: state.analysisProgress,
    runs: state.runs.map((r) => ({
      steps: r.steps,
      gradEvals: r.gradEvals,
      points: Array.from(r.series.columns.trainLoss.subarray(0, r.series.length)),
    })),
  };
}

describe('foldSnapshots', () => {
  it('folds several snapshots at once into the state folding them one by one gives', () => {
    const batch = [snapshot(1), snapshot(2), snapshot(3)];
    const oneByOne = batch.reduce((s, x) => fold(s, [x]), initialState(spec));
    const atOnce = fold(initialState(spec), batch);
    expect(visible(atOnce)).toEqual(visible(oneByOne));
    expect(visible(atOnce).runs[0]?.points).toEqual([0, 1, 2]);
    expect(atOnce.tick).toBe(3);
  });

  it("skips another generation's snapshots", () => {
    const state = fold(initialState(spec), [snapshot(1), snapshot(2, 7), snapshot(3)]);
    expect(state.tick).toBe(3);
    // Point 1 came with the other generation: it never landed.
    expect(visible(state).runs[0]?.points).toEqual([0, 0, 2]);
  });
});

describe('engineEvents.snapshot', () => {
  it('lands the snapshots of one frame in the store as one update', async () => {
    appStore.setState(initialState(spec), true);
    let updates = 0;
    const unsubscribe = appStore.subscribe(() => updates++);
    try {
      for (const tick of [1, 2, 3, 4]) engineEvents.snapshot(snapshot(tick));
      expect(updates).toBe(0);
      // No animation frames in Node: the batch lands after the current task's microtasks.
      await Promise.resolve();
      expect(updates).toBe(1);
      expect(appStore.getState().tick).toBe(4);
      expect(appStore.getState().runs[1]?.series.length).toBe(4);
    } finally {
      unsubscribe();
    }
  });
});
