import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Milestone } from '../../protocol/preset';
import { stepMilestone, stepText } from '../../protocol/preset';
import { DEFAULT_PRESET_ID, findPreset, findStudy } from '../../presets';
import { setEditorOpen, setPresentation } from '../../store/presetActions';
import { availableSteps, reachedMilestones } from '../../store/narrative';
import { useAppStore } from '../useAppStore';
import { useLectureShortcuts } from './useLectureShortcuts';
import './lecture.css';

/** The panel a narrative step that waits for a milestone is about. */
const MILESTONE_PANEL: Readonly<Record<Milestone, string | null>> = {
  play: null,
  slice: 'loss-slice',
  spectrum: 'spectrum',
  flatness: 'flatness',
  // The verdict is told in the narrative box itself (below); the page goes back to the top of the
  // panels (`block: 'start'`), so the slice's paths and the spectrum sit under it.
  verdict: 'loss-slice',
};

/**
 * The page's frame, dressed as the link asks: lecture mode (big type, projector theme, keyboard
 * shortcuts, the preset's narrative), embed mode (panels only, for an iframe in slides), hidden
 * panels and a focused panel. Hiding is by CSS on `data-hide`, so every view stays mounted.
 */
export function PresentationFrame(props: { children: ReactNode }) {
  const p = useAppStore((s) => s.presentation);
  const presetId = useAppStore((s) => s.preset);
  const editorOpen = useAppStore((s) => s.editorOpen);
  const studyId = useAppStore((s) => s.study?.id ?? null);
  // The story told: the open study's, else the preset's (the race on a bare link).
  const preset =
    (studyId ? findStudy(studyId) : undefined) ?? findPreset(presetId ?? DEFAULT_PRESET_ID);
  const pages = preset?.narrative.length ?? 0;
  // Steps that point at a panel wait for its first analysis after Play (store/narrative.ts).
  const tick = useAppStore((s) => s.tick);
  const engine = useAppStore((s) => s.engine);
  const ticks = useAppStore((s) => s.analysis.ticks);
  const verdict = useAppStore((s) => s.verdict);
  const available = useMemo(
    () =>
      availableSteps(
        preset?.narrative ?? [],
        reachedMilestones({ tick, engine, analysis: { ticks }, verdict }),
      ),
    [preset, tick, engine, ticks, verdict],
  );
  // The story follows the run (each step shown as it becomes available) until the lecturer
  // steps back; stepping forward to the newest available step follows it again.
  const id = preset?.id ?? '';
  const [nav, setNav] = useState({ id, page: 0, follow: true });
  const current = nav.id === id ? nav : { id, page: 0, follow: true };
  const last = Math.max(0, available - 1);
  const newestMilestone = (preset?.narrative ?? [])
    .slice(0, available)
    .reduce((at, step, i) => (stepMilestone(step) ? i : at), 0);
  const shown = Math.min(
    current.follow ? Math.max(current.page, newestMilestone) : current.page,
    last,
  );
  const turn = useCallback(
    (delta: number) => {
      const page = Math.min(Math.max(0, shown + delta), last);
      setNav({ id, page, follow: delta > 0 });
    },
    [shown, last, id],
  );
  useLectureShortcuts(p.lecture || p.embed, turn);
  // A step that points at a panel brings it into view on the projector.
  const pointsAt = preset?.narrative[shown] ? stepMilestone(preset.narrative[shown]) : null;
  useEffect(() => {
    const target = pointsAt ? MILESTONE_PANEL[pointsAt] : null;
    const panel = target ? document.querySelector(`[data-testid="${target}"]`) : null;
    if (!p.lecture || !panel) return;
    const block = pointsAt === 'verdict' ? 'start' : 'nearest';
    const bring = () => panel.scrollIntoView({ behavior: 'smooth', block });
    bring();
    // The panels around it grow as their first results land (the spectrum comes after the
    // flatness): keep it in view while they settle, until the lecturer scrolls or 5 s have gone.
    const observer = new ResizeObserver(bring);
    if (panel.parentElement) observer.observe(panel.parentElement);
    const stop = () => observer.disconnect();
    const timer = window.setTimeout(stop, 5000);
    window.addEventListener('wheel', stop, { once: true });
    return () => {
      stop();
      window.clearTimeout(timer);
      window.removeEventListener('wheel', stop);
    };
  }, [pointsAt, shown, p.lecture]);

  const classes = [
    'app',
    p.lecture ? 'lecture' : '',
    p.embed ? 'embed' : '',
    editorOpen ? 'editor-open' : '',
  ].filter(Boolean);
  return (
    <div
      className={classes.join(' ')}
      data-testid="app"
      data-hide={p.hide.join(' ')}
      data-focus={p.focus ?? ''}
      data-lock={p.lock ? 'true' : 'false'}
    >
      {p.lecture && preset && (
        <section className="narrative" data-testid="narrative" aria-label="Narrative">
          <h2>{preset.title}</h2>
          <p data-testid="narrative-text" data-step={shown}>
            {preset.narrative[shown] ? stepText(preset.narrative[shown]) : ''}
          </p>
          <div className="narrative-nav">
            <button type="button" onClick={() => turn(-1)} disabled={shown === 0}>
              ‹ Back
            </button>
            <span className="muted">
              {shown + 1} / {pages}
            </span>
            <button
              type="button"
              data-testid="narrative-next"
              onClick={() => turn(1)}
              disabled={shown >= available - 1}
              title={
                shown >= available - 1 && shown < pages - 1
                  ? 'The next step waits for the run: press Play'
                  : undefined
              }
            >
              Next ›
            </button>
            <button
              type="button"
              data-testid="editor-toggle"
              aria-pressed={editorOpen}
              onClick={() => setEditorOpen(!editorOpen)}
            >
              {editorOpen ? 'Hide settings' : 'Settings'}
            </button>
            <span className="muted shortcuts">
              space play/pause · → step · r reset · f full screen · PgDn/PgUp narrative
            </span>
          </div>
          {pointsAt === 'verdict' && verdict !== null && verdict !== 'reading' ? (
            <p
              className={`narrative-verdict ${verdict.ok ? 'held' : 'failed'}`}
              data-testid="narrative-verdict"
            >
              {verdict.ok ? '✓' : '✗'} {verdict.detail}
            </p>
          ) : (
            shown >= pages - 1 && <p className="narrative-expected">Expected: {preset.expected}</p>
          )}
        </section>
      )}
      {props.children}
      {p.embed && (
        <a className="embed-open" href={openHref()} target="_blank" rel="noopener">
          Open in Flatland ↗
        </a>
      )}
    </div>
  );
}

/** The same link without the embed option. */
function openHref(): string {
  const url = new URL(window.location.href);
  url.hash = url.hash.replace(/(^#|&)embed=1(?=&|$)/, '$1').replace(/&&/g, '&');
  return url.href;
}

/** Lecture on/off for the header; the link follows. */
export function LectureToggle() {
  const lecture = useAppStore((s) => s.presentation.lecture);
  return (
    <button
      type="button"
      data-testid="lecture-toggle"
      aria-pressed={lecture}
      onClick={() => setPresentation({ lecture: !lecture })}
    >
      {lecture ? 'Leave lecture mode' : 'Lecture mode'}
    </button>
  );
}

/** Its children, disabled when the link says `lock=1` (form controls inside a disabled fieldset). */
export function LockWhenAsked(props: { children: ReactNode }) {
  const lock = useAppStore((s) => s.presentation.lock);
  return (
    <fieldset className="lockable" disabled={lock} data-testid="lockable" data-locked={lock}>
      {props.children}
    </fieldset>
  );
}
