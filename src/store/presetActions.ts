/**
 * Presets, presentation and export, as plain actions: choosing a preset switches the experiment
 * (and the link becomes `#preset=<id>`), presentation changes only the view, and the export asks
 * the worker for the `flatland/1` document.
 */
import type { ExportDocument } from '../protocol/exportFormat';
import { findPreset } from '../presets';
import type { Presentation } from '../protocol/presentation';
import { engineClient, replaceSpec } from './actions';
import { appStore } from './appStore';
import { pushNotice } from './engineEvents';
import { closeStudy, openStudy } from './studyActions';

/** Switches to preset or study `id` (unknown ids are ignored with a notice). */
export function loadPreset(id: string): void {
  const preset = findPreset(id);
  if (!preset) {
    if (!openStudy(id)) pushNotice('warning', `There is no preset called ${JSON.stringify(id)}.`);
    return;
  }
  if (appStore.getState().study) closeStudy();
  appStore.setState({ preset: preset.id });
  replaceSpec(preset.spec);
}

/** Shows or hides the experiment's settings (collapsed by default in lecture mode). */
export function setEditorOpen(open: boolean): void {
  appStore.setState({ editorOpen: open });
}

export function setPresentation(patch: Partial<Presentation>): void {
  appStore.setState((s) => ({ presentation: { ...s.presentation, ...patch } }));
}

/** The experiment's data as computed by the worker; rejects when no engine is attached. */
export function requestExport(): Promise<ExportDocument> {
  const client = engineClient();
  if (!client) return Promise.reject(new Error('the engine is not running'));
  return client.requestExport();
}
