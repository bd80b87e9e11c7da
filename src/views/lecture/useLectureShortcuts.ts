import { useEffect } from 'react';
import { pause, play, reset, step } from '../../store/actions';
import { appStore } from '../../store/appStore';

/** The panels 'f' can put full-screen. */
const PANEL_SELECTOR =
  '[data-testid="loss-slice"], [data-testid="spectrum"], [data-testid="flatness"], [data-testid="curves"]';

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName))
  );
}

/**
 * Lecture keys: space play/pause, → one step, r reset, f full-screen the focused (or last pointed
 * at) panel, PageDown/PageUp the narrative (what presentation clickers send). Not while typing.
 */
export function useLectureShortcuts(enabled: boolean, onNarrative: (delta: number) => void): void {
  useEffect(() => {
    if (!enabled) return;
    let pointed: HTMLElement | null = null;
    const onPointer = (event: PointerEvent) => {
      const panel = (event.target as Element | null)?.closest?.(PANEL_SELECTOR);
      if (panel instanceof HTMLElement) pointed = panel;
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target)) return;
      const { engine } = appStore.getState();
      switch (event.key) {
        case ' ':
          if (engine === 'starting') return;
          if (engine === 'playing') pause();
          else play();
          break;
        case 'ArrowRight':
          if (engine === 'paused') step();
          break;
        case 'r':
          reset();
          break;
        case 'f': {
          if (document.fullscreenElement) {
            void document.exitFullscreen().catch(() => undefined);
            break;
          }
          const focused = document.activeElement?.closest(PANEL_SELECTOR);
          const panel =
            (focused instanceof HTMLElement ? focused : null) ??
            pointed ??
            document.querySelector<HTMLElement>(PANEL_SELECTOR);
          void panel?.requestFullscreen().catch(() => undefined);
          break;
        }
        case 'PageDown':
          onNarrative(1);
          break;
        case 'PageUp':
          onNarrative(-1);
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerover', onPointer);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerover', onPointer);
    };
  }, [enabled, onNarrative]);
}
