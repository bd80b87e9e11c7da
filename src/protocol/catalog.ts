/**
 * What the link codec (./permalink.ts) and a study's export look experiments up in: `#preset=<id>`
 * names a preset, or a study when no preset has the id. The presets and studies themselves are
 * data outside the protocol (src/presets, which builds the app's `CATALOG`); the protocol never
 * imports them, so its callers — the store, the CLI, the tests — hand the codec the catalog they
 * mean, and a codec test can hand it a catalog of its own.
 */
import type { Preset } from './preset';
import type { AnyStudy } from './studies/study';

export interface Catalog {
  readonly findPreset: (id: string) => Preset | undefined;
  readonly findStudy: (id: string) => AnyStudy | undefined;
}

/** A catalog of one study and no presets: what a study's own export needs to write its link. */
export function studyCatalog(study: AnyStudy): Catalog {
  return {
    findPreset: () => undefined,
    findStudy: (id) => (id === study.id ? study : undefined),
  };
}
