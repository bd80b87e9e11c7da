/** The presets: the papers' experiments as data (see ./preset.ts). */
export { PRESETS, findPreset } from './registry';
export type { Preset, PresetCheck } from './preset';
export { initialTraceRatio } from './goldilocks';
