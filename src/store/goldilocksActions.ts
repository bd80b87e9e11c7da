/**
 * The Goldilocks sweep of the current experiment's data and model (SCIENCE.md §6.4), run as a
 * worker job. The radii sweep the standard initialization by factors of about 3.
 */
import type { GoldilocksJob } from '../protocol/jobs/goldilocksJob';
import { appStore } from './appStore';

export const GOLDILOCKS_SCALES = [0.03, 0.1, 0.3, 1, 3, 10, 30] as const;

export interface GoldilocksSettings {
  /** Hyperplane dimension d. */
  readonly subspaceDim: number;
  /** SGD steps on φ in the hyperplane. */
  readonly trainSteps: number;
}

/** The job for the current experiment: its data, model (at r = 1) and loss, its seed. */
export function goldilocksJob(settings: GoldilocksSettings): GoldilocksJob {
  const { spec } = appStore.getState();
  const model = 'initScale' in spec.model ? { ...spec.model, initScale: 1 } : spec.model;
  return {
    kind: 'goldilocks',
    dataset: spec.dataset,
    model,
    loss: spec.loss,
    scales: GOLDILOCKS_SCALES,
    subspaceDim: settings.subspaceDim,
    hyperplanes: 3,
    trainSteps: settings.trainSteps,
    learningRate: 0.5,
    batchSize: 32,
    seed: spec.seed,
  };
}
