/**
 * Keeps the URL hash and the store's spec in step: the hash follows every spec change
 * (replaceState, no history spam) and a hand-edited hash (hashchange) loads its experiment.
 */
import { decodePermalink, encodePermalink } from '../protocol/permalink';
import { defaultExperimentSpec } from '../protocol/defaultExperiment';
import { replaceSpec, setBackendChoice } from './actions';
import { appStore, runViewsFor } from './appStore';
import { pushNotice } from './engineEvents';

function reportCorrections(corrections: readonly string[]): void {
  if (corrections.length > 0) {
    pushNotice('warning', `The link had problems, so defaults were used where needed: ${corrections.join(' ')}`);
  }
}

/** Reads the current hash into the store, before the engine starts. */
export function loadFromUrl(): void {
  const decoded = decodePermalink(window.location.hash, defaultExperimentSpec());
  appStore.setState({
    spec: decoded.spec,
    backendChoice: decoded.backend,
    runs: runViewsFor(decoded.spec),
  });
  reportCorrections(decoded.corrections);
}

/** Starts mirroring the store into the hash and the hash into the store. Returns a stop function. */
export function startUrlSync(): () => void {
  const write = () => {
    const { spec, backendChoice } = appStore.getState();
    const hash = encodePermalink({ spec, backend: backendChoice }, defaultExperimentSpec());
    if (hash !== window.location.hash) window.history.replaceState(null, '', hash);
  };
  const unsubscribe = appStore.subscribe((state, previous) => {
    if (state.spec !== previous.spec || state.backendChoice !== previous.backendChoice) write();
  });
  const onHashChange = () => {
    const decoded = decodePermalink(window.location.hash, defaultExperimentSpec());
    reportCorrections(decoded.corrections);
    if (decoded.backend !== appStore.getState().backendChoice) {
      // A new worker on the other backend starts with the decoded spec.
      appStore.setState({ spec: decoded.spec });
      setBackendChoice(decoded.backend);
    } else {
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
