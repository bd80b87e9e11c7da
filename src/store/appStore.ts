/**
 * The page's state: the spec (what the URL holds), the engine's backend and status, the runs'
 * streamed series, and the notices. A vanilla zustand store: actions (./actions) are plain module
 * functions, so the engine bridge and the URL sync call them outside React.
 */
import { createStore } from 'zustand/vanilla';
import type { BackendChoice, BackendName, BackendReport } from '../protocol/backend';
import type { ExperimentSpec } from '../protocol/experimentSpec';
import type { RunSummary } from '../protocol/runSummary';
import { defaultExperimentSpec } from '../protocol/defaultExperiment';
import type { AnalysisProgress } from '../protocol/analysis';
import { DEFAULT_PACE, type Pace } from '../protocol/pace';
import { DEFAULT_PRESENTATION, type Presentation } from '../protocol/presentation';
import type { JobResult, JobSpec } from '../protocol/jobs';
import type { PresetCheck } from '../protocol/preset';
import type { StudySelection } from '../protocol/studies/study';
import { emptyAnalysis, type AnalysisState } from './analysisState';
import { emptySeries, type SeriesBuffer } from './seriesBuffer';

/** A run as the page holds it: the snapshot's summary and every point of its series so far. */
export interface RunView extends RunSummary {
  readonly series: SeriesBuffer;
}

export interface Notice {
  readonly id: number;
  readonly level: 'info' | 'warning' | 'error';
  readonly text: string;
}

export type EngineState = 'starting' | 'paused' | 'playing';

/** A preset's expected observation, evaluated on the page's data at the end of its budget. */
export interface Verdict {
  readonly preset: string;
  /** The tick it was read at (the budget). */
  readonly tick: number;
  readonly ok: boolean;
  readonly detail: string;
  readonly flat?: string;
  readonly sharp?: string;
}

/** Where the open study's job is (./studyActions.ts). */
export type StudyRun =
  | { readonly state: 'idle' }
  | { readonly state: 'running'; readonly fraction: number }
  | {
      readonly state: 'done';
      readonly job: JobSpec;
      readonly result: JobResult;
      readonly check: PresetCheck;
      /** Seconds the job took in the worker, and the backend it ran on. */
      readonly seconds: number;
      readonly backend: BackendName;
    }
  | { readonly state: 'failed'; readonly message: string };

export interface AppState {
  readonly spec: ExperimentSpec;
  readonly backendChoice: BackendChoice;
  readonly backend: BackendReport | null;
  readonly engine: EngineState;
  /** Lockstep ticks the runs have completed. */
  readonly tick: number;
  /** Training waits for the analysis under way (the pacing rule keeps panels current). */
  readonly waiting: boolean;
  /** How fast Play goes: playback state, never in the link. */
  readonly pace: Pace;
  /** The end-of-budget verdict, once read ('reading' while the export is computed). */
  readonly verdict: Verdict | 'reading' | null;
  readonly generation: number;
  readonly runs: readonly RunView[];
  readonly numTensors: number;
  readonly notices: readonly Notice[];
  /** The newest landscape analyses (./analysisState) and the one under way. */
  readonly analysis: AnalysisState;
  readonly analysisProgress: AnalysisProgress | null;
  /** The preset the spec is relative to (`#preset=<id>`), or null. */
  readonly preset: string | null;
  /** The open study (`#preset=<study id>&job.…`): the page shows it instead of the explorer. */
  readonly study: StudySelection | null;
  readonly studyRun: StudyRun;
  /** View-only options from the link: lecture, embed, lock, hidden panels (never in the spec). */
  readonly presentation: Presentation;
  /** Lecture mode shows the experiment's settings only when asked (view state, not in the link). */
  readonly editorOpen: boolean;
}

export function runViewsFor(spec: ExperimentSpec): RunView[] {
  return spec.runs.map((run) => ({
    id: run.id,
    label: run.label,
    status: 'running',
    reason: null,
    steps: 0,
    gradEvals: 0,
    series: emptySeries(),
  }));
}

export function initialState(spec = defaultExperimentSpec()): AppState {
  return {
    spec,
    backendChoice: 'auto',
    backend: null,
    engine: 'starting',
    tick: 0,
    waiting: false,
    pace: DEFAULT_PACE,
    verdict: null,
    generation: 0,
    runs: runViewsFor(spec),
    numTensors: 0,
    notices: [],
    analysis: emptyAnalysis(),
    analysisProgress: null,
    preset: null,
    study: null,
    studyRun: { state: 'idle' },
    presentation: DEFAULT_PRESENTATION,
    editorOpen: false,
  };
}

export const appStore = createStore<AppState>()(() => initialState());
