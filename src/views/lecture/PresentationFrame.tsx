import { useCallback, useState, type ReactNode } from 'react';
import { findPreset } from '../../protocol/presets';
import { setPresentation } from '../../store/presetActions';
import { useAppStore } from '../useAppStore';
import { useLectureShortcuts } from './useLectureShortcuts';
import './lecture.css';

/**
 * The page's frame, dressed as the link asks: lecture mode (big type, projector theme, keyboard
 * shortcuts, the preset's narrative), embed mode (panels only, for an iframe in slides), hidden
 * panels and a focused panel. Hiding is by CSS on `data-hide`, so every view stays mounted.
 */
export function PresentationFrame(props: { children: ReactNode }) {
  const p = useAppStore((s) => s.presentation);
  const presetId = useAppStore((s) => s.preset);
  const [page, setPage] = useState(0);
  const preset = findPreset(presetId ?? 'race');
  const pages = preset?.narrative.length ?? 0;
  const turn = useCallback(
    (delta: number) => setPage((n) => Math.min(Math.max(0, n + delta), Math.max(0, pages - 1))),
    [pages],
  );
  useLectureShortcuts(p.lecture || p.embed, turn);

  const classes = ['app', p.lecture ? 'lecture' : '', p.embed ? 'embed' : ''].filter(Boolean);
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
          <p data-testid="narrative-text">{preset.narrative[Math.min(page, pages - 1)]}</p>
          <div className="narrative-nav">
            <button type="button" onClick={() => turn(-1)} disabled={page === 0}>
              ‹ Back
            </button>
            <span className="muted">
              {Math.min(page, pages - 1) + 1} / {pages}
            </span>
            <button type="button" onClick={() => turn(1)} disabled={page >= pages - 1}>
              Next ›
            </button>
            <span className="muted shortcuts">
              space play/pause · → step · r reset · f full screen · PgDn/PgUp narrative
            </span>
          </div>
          {page >= pages - 1 && <p className="narrative-expected">Expected: {preset.expected}</p>}
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
