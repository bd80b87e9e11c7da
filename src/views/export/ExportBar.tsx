import { useState } from 'react';
import { exportToJson } from '../../protocol/exportJson';
import { requestExport } from '../../store/presetActions';
import { currentLink } from '../../store/urlSync';
import { pushNotice } from '../../store/actions';
import { useAppStore } from '../useAppStore';
import { downloadBlob, fileStem } from './download';
import { exportToCsv } from './exportCsv';
import { panelToSvg, svgToPng } from './panelSvg';

/** The chart panels, by the `data-testid` of their section, and a title for the picture. */
const PANELS = [
  { id: 'loss-slice', title: 'Loss slice' },
  { id: 'spectrum', title: 'Hessian spectrum' },
  { id: 'flatness', title: 'Flatness' },
  { id: 'curves', title: 'Training curves' },
] as const;

function why(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Copies the permalink; where the clipboard is refused, shows it selected for copying by hand. */
export function CopyLinkButton() {
  const [state, setState] = useState<'idle' | 'copied' | 'manual'>('idle');
  const [link, setLink] = useState('');
  const copy = async () => {
    const href = currentLink();
    setLink(href);
    try {
      await navigator.clipboard.writeText(href);
      setState('copied');
    } catch {
      setState('manual');
    }
  };
  return (
    <span className="copy-link">
      <button type="button" data-testid="copy-link" onClick={() => void copy()}>
        Copy link
      </button>
      {state === 'copied' && (
        <span className="muted" role="status">
          copied
        </span>
      )}
      {state === 'manual' && (
        <input
          data-testid="link-text"
          readOnly
          value={link}
          aria-label="Permalink"
          onFocus={(e) => e.currentTarget.select()}
          autoFocus
        />
      )}
    </span>
  );
}

/** Copy link; download the data (flatland/1 JSON, CSV) and each chart (SVG, PNG). */
export function ExportBar() {
  const preset = useAppStore((s) => s.preset);
  const [busy, setBusy] = useState(false);

  const data = async (kind: 'json' | 'csv') => {
    setBusy(true);
    try {
      const doc = await requestExport();
      const stem = fileStem(preset);
      if (kind === 'json') {
        downloadBlob(
          `${stem}.json`,
          new Blob([exportToJson(doc, 1)], { type: 'application/json' }),
        );
      } else {
        downloadBlob(`${stem}.csv`, new Blob([exportToCsv(doc)], { type: 'text/csv' }));
      }
    } catch (error) {
      pushNotice('error', `The export failed: ${why(error)}.`);
    } finally {
      setBusy(false);
    }
  };

  const chart = async (id: string, title: string, format: 'svg' | 'png') => {
    const el = document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
    if (!el) {
      pushNotice('warning', `The ${title} panel is not on the page.`);
      return;
    }
    try {
      const picture = panelToSvg(el, title, currentLink());
      const name = `${fileStem(preset)}-${id}.${format}`;
      if (format === 'svg') {
        downloadBlob(name, new Blob([picture.svg], { type: 'image/svg+xml' }));
      } else downloadBlob(name, await svgToPng(picture));
    } catch (error) {
      pushNotice('error', `Saving the ${title} chart failed: ${why(error)}.`);
    }
  };

  return (
    <section className="export-bar" data-testid="export-bar" aria-label="Share and export">
      <CopyLinkButton />
      <button
        type="button"
        data-testid="export-json"
        disabled={busy}
        onClick={() => void data('json')}
      >
        Data (JSON)
      </button>
      <button
        type="button"
        data-testid="export-csv"
        disabled={busy}
        onClick={() => void data('csv')}
      >
        Series (CSV)
      </button>
      <span className="export-charts">
        {PANELS.map((p) => (
          <span key={p.id} className="export-chart">
            <span className="muted">{p.title}</span>
            <button
              type="button"
              data-testid={`export-svg-${p.id}`}
              onClick={() => void chart(p.id, p.title, 'svg')}
            >
              SVG
            </button>
            <button
              type="button"
              data-testid={`export-png-${p.id}`}
              onClick={() => void chart(p.id, p.title, 'png')}
            >
              PNG
            </button>
          </span>
        ))}
      </span>
    </section>
  );
}
