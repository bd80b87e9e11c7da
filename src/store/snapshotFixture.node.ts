/** Engine snapshots for the store's and the views' tests, as the worker would post them. */
import { defaultExperimentSpec } from '../protocol/defaultExperiment';
import { PROTOCOL_VERSION } from '../protocol/messages';
import { SERIES_KEYS, type SeriesChunk } from '../protocol/series';
import type { Snapshot } from './foldSnapshots';

/** `n` points from `start`, every measure equal to its step. */
function chunk(start: number, n: number): SeriesChunk {
  const steps = Float64Array.from({ length: n }, (_, i) => start + i);
  const columns = Object.fromEntries(SERIES_KEYS.map((key) => [key, steps.slice()]));
  return { start, columns: columns as SeriesChunk['columns'] };
}

/** The snapshot after `tick` ticks of one point each, every run of `spec` alike. */
export function snapshot(tick: number, generation = 0, spec = defaultExperimentSpec()): Snapshot {
  return {
    checkpoint: null,
    type: 'snapshot',
    version: PROTOCOL_VERSION,
    generation,
    status: 'playing',
    tick,
    waiting: false,
    runs: spec.runs.map((run) => ({
      id: run.id,
      label: run.label,
      status: 'running',
      reason: null,
      steps: tick,
      gradEvals: 2 * tick,
      series: chunk(tick - 1, 1),
    })),
    numTensors: 40 + tick,
    analysis: null,
    analysisTick: null,
    progress: { job: 'spectrum', label: 'Spectrum', fraction: tick / 10 },
  };
}
