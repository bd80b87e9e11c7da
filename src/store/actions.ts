/**
 * What the user can do, as plain functions: views call these, they update the store and drive
 * the engine client. The only path from the page to the worker.
 */
import type { EngineClient } from '../client/engineClient';
import type { BackendChoice } from '../protocol/backend';
import type { ExperimentSpec, RunSpec } from '../protocol/experimentSpec';
import type { OptimizerSpec } from '../protocol/specVocabulary';
import { emptyAnalysis } from './analysisState';
import { appStore, runViewsFor } from './appStore';
import { discardPendingSnapshots, pushNotice } from './engineEvents';
import type { Pace } from '../protocol/pace';
import { maybeReadVerdict } from './verdictActions';

let client: EngineClient | null = null;

/** The attached engine client, for the other action modules (./analysisActions). */
export function engineClient(): EngineClient | null {
  return client;
}

/** Connects the store to the engine and starts it with the current spec and backend. */
export function attachEngine(engine: EngineClient): void {
  client = engine;
  const { spec, backendChoice, pace } = appStore.getState();
  engine.setPace(pace);
  engine.start(spec, backendChoice);
  unsubscribeVerdict?.();
  unsubscribeVerdict = appStore.subscribe(() => maybeReadVerdict(engine));
}

let unsubscribeVerdict: (() => void) | null = null;

/** How fast Play goes (slow, normal, as fast as the analyses allow, unpaced). */
export function setPace(pace: Pace): void {
  appStore.setState({ pace });
  client?.setPace(pace);
}

export function play(): void {
  appStore.setState({ engine: 'playing' });
  client?.play();
}

export function pause(): void {
  appStore.setState({ engine: 'paused' });
  client?.pause();
}

export function step(): void {
  client?.step(1);
}

/** Restarts the current experiment from its initial weights. */
export function reset(): void {
  replaceSpec(appStore.getState().spec);
}

/** Switches to `spec`: a new generation of runs, the engine reset, the URL updated by its sync. */
export function replaceSpec(spec: ExperimentSpec): void {
  discardPendingSnapshots();
  appStore.setState((s) => ({
    spec,
    generation: s.generation + 1,
    runs: runViewsFor(spec),
    engine: s.engine === 'starting' ? 'starting' : 'paused',
    tick: 0,
    waiting: false,
    verdict: null,
    analysis: emptyAnalysis(),
    analysisProgress: null,
  }));
  client?.reset(spec);
}

/** Changes one run's optimizer hyper-parameters (the run restarts with the experiment). */
export function updateRunOptimizer(runId: string, patch: Partial<OptimizerSpec>): void {
  const { spec } = appStore.getState();
  const runs = spec.runs.map((run): RunSpec =>
    run.id === runId ? { ...run, optimizer: { ...run.optimizer, ...patch } as OptimizerSpec } : run,
  );
  replaceSpec({ ...spec, runs });
}

/** Moves the engine to another backend (a new worker); the experiment restarts there. */
export function setBackendChoice(choice: BackendChoice): void {
  const { spec, backendChoice } = appStore.getState();
  if (choice === backendChoice) return;
  discardPendingSnapshots();
  appStore.setState((s) => ({
    backendChoice: choice,
    backend: null,
    engine: 'starting',
    generation: 0,
    tick: 0,
    waiting: false,
    verdict: null,
    runs: runViewsFor(s.spec),
    analysis: emptyAnalysis(),
    analysisProgress: null,
  }));
  client?.start(spec, choice);
}

export function dismissNotice(id: number): void {
  appStore.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
}

export { pushNotice };
