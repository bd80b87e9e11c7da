/** The presets: the papers' experiments as data (see ./preset.ts). */
export { DEFAULT_PRESET_ID, PRESETS, findPreset } from './registry';
export type { Milestone, NarrativeStep, Preset, PresetCheck, PresetPanel } from './preset';
export { stepMilestone, stepText } from './preset';
export { initialTraceRatio } from './goldilocks';
