import type { ReactNode } from 'react';
import { findPreset } from '../presets';
import { FlatnessScatterPanel } from './experiments/FlatnessScatterPanel';
import { useAppStore } from './useAppStore';

/**
 * The main panels the active preset asks for besides the usual four (`Preset.panels`): the
 * flatness scatter for a preset whose claim is a rank correlation across its runs, opened on the
 * measure the verdicts read (δE on the loss).
 */
export function usePresetPanels(): ReactNode[] {
  const id = useAppStore((s) => s.preset);
  const panels = (id === null ? undefined : findPreset(id)?.panels) ?? [];
  return panels.map((panel) =>
    panel === 'scatter' ? <FlatnessScatterPanel key={panel} initialMeasure="energyLoss" /> : null,
  );
}
