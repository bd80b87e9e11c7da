/**
 * Every preset, in the gallery's order; `#preset=<id>` finds one here (through `CATALOG`, ./index.ts).
 */
import { confinementPreset, outliersPreset, transientPreset } from './hessian';
import { flatVsTestPreset } from './flatVsTest';
import { goldilocksPreset } from './goldilocks';
import { mnistPreset } from './mnist';
import { normPreset, perceptronPreset } from './perceptron';
import type { Preset } from '../protocol/preset';
import { racePreset, seedsPreset } from './race';
import { rescalingPreset } from './rescaling';
import { batchPreset, samPreset } from './sharpness';

export const PRESETS: readonly Preset[] = [
  racePreset,
  seedsPreset,
  outliersPreset,
  confinementPreset,
  transientPreset,
  goldilocksPreset,
  perceptronPreset,
  normPreset,
  batchPreset,
  samPreset,
  rescalingPreset,
  mnistPreset,
  flatVsTestPreset,
];

/** The preset a bare link opens: the default experiment is its spec. */
export const DEFAULT_PRESET_ID = 'race';

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
