import { PRESETS, STUDIES } from '../../presets';
import { loadPreset } from '../../store/presetActions';
import { useAppStore } from '../useAppStore';

/**
 * The papers' experiments, one card each: what it is, where to look, what should happen.
 * Choosing one loads its spec and the link becomes `#preset=<id>`. All text is the presets' own
 * (never the URL's).
 */
export function PresetGallery() {
  const current = useAppStore((s) => s.study?.id ?? s.preset);
  return (
    <details className="gallery" data-testid="gallery">
      <summary data-testid="gallery-toggle">
        Experiments from the papers{' '}
        <span className="muted">
          ({PRESETS.length} presets, {STUDIES.length} studies)
        </span>
      </summary>
      <ul className="gallery-grid">
        {[...PRESETS, ...STUDIES].map((p) => (
          <li
            key={p.id}
            className={`preset-card${p.id === current ? ' current' : ''}`}
            data-testid={`preset-${p.id}`}
          >
            <h3>
              {p.title} <span className="muted">{p.phenomenon}</span>
            </h3>
            <p>{p.explanation}</p>
            <h4>What to look at</h4>
            <ul>
              {p.whatToLookAt.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
            <h4>Expected</h4>
            <p>{p.expected}</p>
            {'limitation' in p && p.limitation && (
              <p className="muted preset-limitation">Not yet: {p.limitation}</p>
            )}
            <button
              type="button"
              data-testid={`load-preset-${p.id}`}
              aria-pressed={p.id === current}
              onClick={() => loadPreset(p.id)}
            >
              {p.id === current ? 'Loaded — reload' : 'Load this experiment'}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
