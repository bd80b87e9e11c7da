/**
 * A preset: one of the papers' experiments as data — a spec, what it shows, what to look at, and
 * the expected observation, both in words and as a check on the exported `flatland/1` data.
 * These are the types the store, the page and the CLI speak; the presets themselves live in
 * src/presets (a spec there is a partial one completed by ./completeSpec.ts), and the protocol
 * reaches them only through the catalog its callers hand it (./catalog.ts).
 */
import type { ExperimentSpec } from './experimentSpec';
import type { ExportDocument } from './exportFormat';

export interface PresetCheck {
  readonly ok: boolean;
  /** The measured numbers behind the verdict, one sentence. */
  readonly detail: string;
  /** A flat-vs-sharp claim: the run ids every flatness measure named flattest and sharpest. */
  readonly flat?: string;
  readonly sharp?: string;
}

/** What has happened on the page that a narrative step can wait for. */
export type Milestone = 'play' | 'slice' | 'spectrum' | 'flatness' | 'verdict';

export type NarrativeStep = string | { readonly text: string; readonly after: Milestone };

/** The text of a narrative step. */
export function stepText(step: NarrativeStep): string {
  return typeof step === 'string' ? step : step.text;
}

/** What a narrative step waits for, if anything. */
export function stepMilestone(step: NarrativeStep): Milestone | null {
  return typeof step === 'string' ? null : step.after;
}

/** A panel the main page adds for a preset that asks for it. */
export type PresetPanel = 'scatter';

/** What the gallery and a lecture tell of an experiment (a preset's or a study's). */
export interface ExperimentText {
  /** Short, URL-safe: `#preset=<id>`. */
  readonly id: string;
  readonly title: string;
  /** Which phenomenon of SCIENCE.md §6 (e.g. "§6.1"). */
  readonly phenomenon: string;
  /** One paragraph: what the experiment is and why it shows the phenomenon. */
  readonly explanation: string;
  /** Where to look on the page, one item per panel or moment. */
  readonly whatToLookAt: readonly string[];
  /** The expected observation, in words. */
  readonly expected: string;
  /**
   * The lecture's step-through: one short paragraph per step. A step that points at a panel
   * waits for that panel's first analysis after Play (`after`), so it never shows an empty chart.
   */
  readonly narrative: readonly NarrativeStep[];
}

export interface Preset extends ExperimentText {
  /** What the engine cannot run yet for this preset, if anything (shown on its card). */
  readonly limitation?: string;
  /** Panels the main page shows for this preset besides the usual ones (e.g. the flatness scatter). */
  readonly panels?: readonly PresetPanel[];
  /** The expected observation on the exported data. */
  check(doc: ExportDocument): PresetCheck;
  readonly spec: ExperimentSpec;
}
