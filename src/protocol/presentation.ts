/**
 * How a link asks the page to present itself — lecture mode, hidden panels, locked controls, an
 * embed for slides. View options only: they live beside the ExperimentSpec in the link, never in
 * it (the spec stays view-free, and the same experiment can be shown many ways).
 *
 *   #preset=race&lecture=1&hide=controls,spectrum&lock=1
 */

/** What a link can hide or focus, by the `data-testid` of its region on the page. */
export const PANEL_IDS = [
  'controls',
  'gallery',
  'loss-slice',
  'spectrum',
  'flatness',
  'curves',
  'narrative',
] as const;
export type PanelId = (typeof PANEL_IDS)[number];

export function isPanelId(value: unknown): value is PanelId {
  return typeof value === 'string' && (PANEL_IDS as readonly string[]).includes(value);
}

export interface Presentation {
  /** Big type, projector theme, keyboard shortcuts, the preset's narrative. */
  readonly lecture: boolean;
  /** Only the panels, for an iframe in slides: no header, gallery or controls. */
  readonly embed: boolean;
  /** Controls shown but not editable (play/pause/step/reset still work). */
  readonly lock: boolean;
  readonly hide: readonly PanelId[];
  /** One panel shown full-size, or null. */
  readonly focus: PanelId | null;
}

export const DEFAULT_PRESENTATION: Presentation = {
  lecture: false,
  embed: false,
  lock: false,
  hide: [],
  focus: null,
};

/** The link keys this module owns. */
export const PRESENTATION_KEYS: ReadonlySet<string> = new Set([
  'lecture',
  'embed',
  'lock',
  'hide',
  'focus',
]);

const TRUE = new Set(['1', 'true', 'on', 'yes', '']);
const FALSE = new Set(['0', 'false', 'off', 'no']);

/**
 * Reads the presentation keys of `params`; never throws. `say(sentence)` receives a correction
 * for each bad value (`quote` shortens and quotes what the user typed).
 */
export function decodePresentation(
  params: ReadonlyMap<string, string>,
  say: (sentence: string) => void,
  quote: (raw: string) => string,
): Presentation {
  const flag = (key: 'lecture' | 'embed' | 'lock'): boolean => {
    const raw = params.get(key);
    if (raw === undefined) return false;
    const lower = raw.toLowerCase();
    if (TRUE.has(lower)) return true;
    if (!FALSE.has(lower)) say(`${key} ${quote(raw)} is not 0 or 1; left it off.`);
    return false;
  };
  const hide: PanelId[] = [];
  const rawHide = params.get('hide');
  if (rawHide !== undefined && rawHide !== '') {
    for (const name of rawHide.split(',')) {
      if (isPanelId(name)) {
        if (!hide.includes(name)) hide.push(name);
      } else say(`hide: there is no panel ${quote(name)}; ignored it.`);
    }
  }
  let focus: PanelId | null = null;
  const rawFocus = params.get('focus');
  if (rawFocus !== undefined) {
    if (isPanelId(rawFocus)) focus = rawFocus;
    else say(`focus: there is no panel ${quote(rawFocus)}; ignored it.`);
  }
  return { lecture: flag('lecture'), embed: flag('embed'), lock: flag('lock'), hide, focus };
}

/** The presentation's link pairs (none for the default presentation). */
export function encodePresentation(p: Presentation): [string, string][] {
  const pairs: [string, string][] = [];
  if (p.lecture) pairs.push(['lecture', '1']);
  if (p.embed) pairs.push(['embed', '1']);
  if (p.lock) pairs.push(['lock', '1']);
  if (p.hide.length > 0) pairs.push(['hide', p.hide.join(',')]);
  if (p.focus) pairs.push(['focus', p.focus]);
  return pairs;
}
