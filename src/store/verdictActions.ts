/**
 * The verdict at the end of an experiment: once Play has stopped at the budget and every panel's
 * analysis is of that very tick, the page asks the worker for its `flatland/1` document and runs
 * the preset's check on it — the same function CI and `npm run lab` run — and keeps the result.
 */
import type { EngineClient } from '../client/engineClient';
import { DEFAULT_PRESET_ID, findPreset } from '../presets';
import type { Preset } from '../protocol/preset';
import { appStore, type AppState } from './appStore';

/** The preset whose claim the page checks: the link's, or the race on a bare link. */
export function verdictPreset(state: Pick<AppState, 'preset' | 'spec'>): Preset | null {
  const preset = findPreset(state.preset ?? DEFAULT_PRESET_ID) ?? null;
  if (!preset) return null;
  // An experiment edited so far that the preset's runs are gone has no claim to check.
  const ids = new Set(state.spec.runs.map((r) => r.id));
  return preset.spec.runs.every((r) => ids.has(r.id)) ? preset : null;
}

/** Has the experiment reached its budget with every analysis it asks for landed on that tick? */
export function experimentFinished(
  state: Pick<AppState, 'spec' | 'tick' | 'engine' | 'waiting' | 'analysisProgress' | 'analysis'>,
): boolean {
  const { spec, tick, analysis } = state;
  if (spec.budget <= 0 || tick < spec.budget) return false;
  if (state.engine !== 'paused' || state.waiting || state.analysisProgress) return false;
  const wanted = [
    spec.analysis.spectrum !== 'off' ? analysis.ticks.spectrum : tick,
    spec.analysis.slice ? analysis.ticks.slice : tick,
    spec.analysis.flatness ? analysis.ticks.flatness : tick,
  ];
  return wanted.every((t) => t !== null && t >= spec.budget);
}

/** Reads the verdict when the experiment has just finished (a store subscriber). */
export function maybeReadVerdict(client: EngineClient): void {
  const state = appStore.getState();
  if (state.verdict !== null || !experimentFinished(state)) return;
  const preset = verdictPreset(state);
  const { generation, tick } = state;
  if (!preset) return;
  appStore.setState({ verdict: 'reading' });
  client.requestExport().then(
    (doc) => {
      const check = preset.check(doc);
      if (appStore.getState().generation !== generation) return;
      appStore.setState({ verdict: { preset: preset.id, tick, ...check } });
    },
    () => {
      // The worker was replaced mid-read: read again once its analyses land.
      if (appStore.getState().verdict === 'reading') appStore.setState({ verdict: null });
    },
  );
}
