/**
 * What the user can do with the landscape analyses: change their settings (the engine reruns them
 * without resetting training), run them now, or cancel the one under way.
 */
import { engineClient } from './actions';
import { appStore } from './appStore';
import { patchAnalysis, type AnalysisPatch } from './specEdits';

/** New analysis settings: kept in the spec (and so the URL), sent to the engine; training goes on. */
export function setAnalysis(patch: AnalysisPatch): void {
  const { spec } = appStore.getState();
  const analysis = patchAnalysis(spec.analysis, patch);
  if (JSON.stringify(analysis) === JSON.stringify(spec.analysis)) return;
  appStore.setState({ spec: { ...spec, analysis } });
  engineClient()?.setAnalysis(analysis);
}

/** Runs every analysis now, at the current weights. */
export function analyseNow(): void {
  engineClient()?.analyse();
}

export function cancelAnalysis(): void {
  engineClient()?.cancelAnalysis();
  appStore.setState({ analysisProgress: null });
}
