/**
 * Keeps the URL hash and the store in step: the hash follows every change of the spec, the
 * backend choice, the preset and the presentation (replaceState, no history spam), and a
 * hand-edited hash (hashchange) loads its experiment — resetting the engine only when the
 * experiment itself changed, not for a mere change of presentation.
 */
import { CATALOG } from '../presets';
import { decodePermalink, encodePermalink } from '../protocol/permalink';
import { defaultExperimentSpec } from '../protocol/defaultExperiment';
import type { ExperimentSpec } from '../protocol/experimentSpec';
import { replaceSpec, setBackendChoice } from './actions';
import { appStore, runViewsFor, type AppState } from './appStore';
import { pushNotice } from './engineEvents';
import { closeStudy, openStudy, setStudyJob } from './studyActions';

function reportCorrections(corrections: readonly string[]): void {
  if (corrections.length > 0) {
    pushNotice(
      'warning',
      `The link had problems, so defaults were used where needed: ${corrections.join(' ')}`,
    );
  }
}

/** The hash of the store's current state. */
export function hashOf(state: AppState): string {
  return encodePermalink(
    {
      spec: state.spec,
      backend: state.backendChoice,
      preset: state.preset,
      study: state.study,
      presentation: state.presentation,
    },
    defaultExperimentSpec(),
    CATALOG,
  );
}

/** The whole link (page address and hash) of the store's current state. */
export function currentLink(): string {
  const url = new URL(window.location.href);
  url.hash = hashOf(appStore.getState());
  return url.href;
}

function sameExperiment(a: ExperimentSpec, b: ExperimentSpec): boolean {
  const base = defaultExperimentSpec();
  return (
    encodePermalink({ spec: a, backend: 'auto' }, base, CATALOG) ===
    encodePermalink({ spec: b, backend: 'auto' }, base, CATALOG)
  );
}

/** Reads the current hash into the store, before the engine starts. */
export function loadFromUrl(): void {
  const decoded = decodePermalink(window.location.hash, defaultExperimentSpec(), CATALOG);
  appStore.setState({
    spec: decoded.spec,
    backendChoice: decoded.backend,
    runs: runViewsFor(decoded.spec),
    preset: decoded.preset,
    study: decoded.study,
    presentation: decoded.presentation,
  });
  reportCorrections(decoded.corrections);
}

/** Starts mirroring the store into the hash and the hash into the store. Returns a stop function. */
export function startUrlSync(): () => void {
  const write = () => {
    const hash = hashOf(appStore.getState());
    if (hash !== window.location.hash) window.history.replaceState(null, '', hash);
  };
  const unsubscribe = appStore.subscribe((state, previous) => {
    if (
      state.spec !== previous.spec ||
      state.backendChoice !== previous.backendChoice ||
      state.preset !== previous.preset ||
      state.study !== previous.study ||
      state.presentation !== previous.presentation
    ) {
      write();
    }
  });
  const onHashChange = () => {
    const decoded = decodePermalink(window.location.hash, defaultExperimentSpec(), CATALOG);
    reportCorrections(decoded.corrections);
    appStore.setState({ preset: decoded.preset, presentation: decoded.presentation });
    const state = appStore.getState();
    if (decoded.study) {
      // Only a change of the study or its job re-opens it (a presentation change keeps a result).
      if (hashOf(state) !== hashOf({ ...state, study: decoded.study })) {
        if (state.study?.id !== decoded.study.id) openStudy(decoded.study.id);
        setStudyJob(decoded.study.job);
      }
    } else if (state.study) closeStudy();
    if (decoded.backend !== appStore.getState().backendChoice) {
      // A new worker on the other backend starts with the decoded spec.
      appStore.setState({ spec: decoded.spec });
      setBackendChoice(decoded.backend);
    } else if (!sameExperiment(decoded.spec, appStore.getState().spec)) {
      replaceSpec(decoded.spec);
    }
  };
  window.addEventListener('hashchange', onHashChange);
  write();
  return () => {
    unsubscribe();
    window.removeEventListener('hashchange', onHashChange);
  };
}
