import { findPreset } from '../protocol/presets';
import { FlatnessScatterPanel } from './experiments/FlatnessScatterPanel';
import { useAppStore } from './useAppStore';

/**
 * The main panels the active preset asks for besides the usual four (`Preset.panels`): the
 * flatness scatter for a preset whose claim is a rank correlation across its runs, opened on the
 * measure the verdicts read (δE on the loss).
 */
export function PresetPanels() {
  const id = useAppStore((s) => s.preset);
  const panels = (id === null ? undefined : findPreset(id)?.panels) ?? [];
  return panels.includes('scatter') ? <FlatnessScatterPanel initialMeasure="energyLoss" /> : null;
}
