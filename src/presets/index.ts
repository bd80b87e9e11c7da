/**
 * The presets and studies: the papers' experiments as data (each preset's spec is a partial spec
 * completed by src/protocol/completeSpec.ts; the types are src/protocol/preset.ts and
 * src/protocol/studies/study.ts). The protocol never imports this folder: the link codec gets
 * `CATALOG` from its caller (src/protocol/catalog.ts).
 */
import type { Catalog } from '../protocol/catalog';
import { findPreset } from './registry';
import { findStudy } from './studies/registry';

export { DEFAULT_PRESET_ID, PRESETS, findPreset } from './registry';
export { STUDIES, findStudy } from './studies/registry';
export { initialTraceRatio } from './goldilocks';

/** Every preset and study, for the link codec. */
export const CATALOG: Catalog = { findPreset, findStudy };
