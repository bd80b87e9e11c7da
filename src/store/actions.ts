/**
 * What the user can do, as plain functions: views call these, they update the store and drive
 * the engine client. The only path from the page to the worker.
 */
import type { EngineClient } from '../client/engineClient';
import type { BackendChoice } from '../protocol/backend';
import type { ExperimentSpec, RunSpec } from '../protocol/experimentSpec';
import type { OptimizerSpec } from '../core/optimizers/optimizerSpec';
import { emptyAnalysis } from './analysisState';
import { appStore, runViewsFor } from './appStore';
import { pushNotice } from './engineEvents';

let client: EngineClient | null = null;

/** The attached engine client, for the other action modules (./analysisActions). */
export function engineClient(): EngineClient | null {
  return client;
}

/** Connects the store to the engine and starts it with the current spec and backend. */
export function attachEngine(engine: EngineClient): void {
  client = engine;
  const { spec, backendChoice } = appStore.getState();
  engine.start(spec, backendChoice);
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
  appStore.setState((s) => ({
    spec,
    generation: s.generation + 1,
    runs: runViewsFor(spec),
    engine: s.engine === 'starting' ? 'starting' : 'paused',
    analysis: emptyAnalysis(),
    analysisProgress: null,
  }));
  client?.reset(spec);
}

export function setSeed(seed: number): void {
  const { spec } = appStore.getState();
  if (seed !== spec.seed) replaceSpec({ ...spec, seed });
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
  appStore.setState((s) => ({
    backendChoice: choice,
    backend: null,
    engine: 'starting',
    generation: 0,
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
