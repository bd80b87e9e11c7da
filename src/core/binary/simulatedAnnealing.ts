/**
 * Simulated annealing on the training-error count E(w) of a ±1 network (perceptron or committee):
 * single-weight flips with Metropolis acceptance min(1, e^{−ΔE/T}), temperature decreasing
 * geometrically from T₀ to T₁ over the sweep budget. One sweep = N attempted flips (N = number of
 * weights), each O(P) through `FieldState`. It stops at the first zero-error configuration: the
 * "typical solution" baseline, which lands on the rim of the solution space.
 */
import { checkpoint } from '../linalg/checkpoint';
import { createRng } from '../random';
import type { ChunkOptions } from '../types';
import type { BinaryArchitecture } from './binaryNetwork';
import { FieldState, randomBinaryWeights, weightCount } from './binaryNetwork';
import type { BinaryTask } from './binaryTask';
import type { BinaryTrainingResult } from './clippedPerceptron';

export interface SimulatedAnnealingOptions {
  /** Initial weights from `createRng(seed, 'init')`, moves from `createRng(seed, 'noise')`. */
  seed: number;
  /** Sweeps (N attempted flips each) at most (default 1000). */
  maxSweeps?: number;
  /** Initial temperature T₀ in units of errors (default 2). */
  startTemperature?: number;
  /** Final temperature T₁ (default 0.05). */
  endTemperature?: number;
}

/** Anneals from random weights; stops at zero errors or after `maxSweeps`. */
export async function simulatedAnnealing(
  arch: BinaryArchitecture,
  task: BinaryTask,
  options: SimulatedAnnealingOptions,
  opts: ChunkOptions = {},
): Promise<BinaryTrainingResult> {
  const maxSweeps = options.maxSweeps ?? 1000;
  const t0 = options.startTemperature ?? 2;
  const t1 = options.endTemperature ?? 0.05;
  const total = weightCount(arch);
  const state = new FieldState(
    arch,
    randomBinaryWeights(arch, createRng(options.seed, 'init')),
    task,
  );
  const rng = createRng(options.seed, 'noise');
  const history: number[] = [];
  let sweeps = 0;
  await checkpoint(opts, 0);
  while (state.errors > 0 && sweeps < maxSweeps) {
    const temperature = t0 * (t1 / t0) ** (sweeps / Math.max(1, maxSweeps - 1));
    for (let a = 0; a < total && state.errors > 0; a++) {
      const j = rng.int(total);
      const delta = state.flipDelta(j);
      if (delta <= 0 || rng.uniform() < Math.exp(-delta / temperature)) state.flip(j);
    }
    sweeps++;
    history.push(state.errors);
    if (sweeps % 10 === 0) await checkpoint(opts, sweeps / maxSweeps);
  }
  await checkpoint(opts, 1);
  return {
    weights: Int8Array.from(state.weights),
    errors: state.errors,
    solved: state.errors === 0,
    sweeps,
    errorHistory: Int32Array.from(history),
  };
}
