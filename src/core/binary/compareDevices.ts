/**
 * Committee vs parity machine at the same N, K and load α (Baldassi, Pittorino & Zecchina 2020:
 * "examples of learning devices for which WFM do not exist"; SCIENCE.md §6.5): on each seed's
 * random patterns, the same solver with the same budget trains each device, and the Hamming
 * local entropy of what it returns — the fraction of networks at distance d that still solve the
 * task — says whether it sits in a wide flat region or an isolated one.
 */
import { progressRange } from '../linalg/checkpoint';
import type { ChunkOptions } from '../types';
import type { BinaryArchitecture, BinaryMachine } from './binaryNetwork';
import { randomBinaryTask } from './binaryTask';
import { hammingLocalEntropy } from './hammingLocalEntropy';
import { solveBinary, type BinarySolver } from './solveBinary';

export interface DeviceComparisonSpec {
  /** Inputs N. */
  readonly inputs: number;
  /** Hidden units K (odd, so that the committee is defined). */
  readonly hidden: number;
  readonly tree: boolean;
  /** Load α = P/N: P = round(αN) random patterns, the same for both devices. */
  readonly alpha: number;
  /** One task per seed (`randomBinaryTask(seed, …)`); it also seeds the solver and the flips. */
  readonly seeds: readonly number[];
  readonly solver: BinarySolver;
  /** Sweep budget of the solver. */
  readonly sweeps: number;
  /** Relative Hamming distances d of the local-entropy curve. */
  readonly distances: readonly number[];
  /** Flipped networks per distance. */
  readonly samples: number;
  /** Devices to compare (default committee, then parity). */
  readonly machines?: readonly BinaryMachine[];
}

/** One device on one seed. */
export interface DeviceCurve {
  readonly machine: BinaryMachine;
  readonly seed: number;
  readonly solved: boolean;
  /** Training errors of the returned weights. */
  readonly errors: number;
  readonly sweeps: number;
  /** Per distance: fraction of the flipped networks that still solve the task. */
  readonly fraction: Float64Array;
  /** Per distance: S(d) = (1/N)[log C(N, f) + log fraction]. */
  readonly localEntropy: Float64Array;
}

export interface DeviceComparison {
  readonly distances: Float64Array;
  /** Weights flipped per distance, round(d·K·fanIn) (the same for both devices). */
  readonly flips: Int32Array;
  /** (1/N) log C(N, f): the whole shell, the local entropy's upper bound. */
  readonly shellEntropy: Float64Array;
  /** Seed-major: for each seed, one curve per machine in `machines` order. */
  readonly curves: readonly DeviceCurve[];
}

/**
 * Trains every machine on every seed's task with `solver` and measures its Hamming local entropy
 * (flip sets drawn from the seed, so both devices of a seed see the same flips). Cost: seeds ×
 * machines × (solver + samples·P·f_max). Progress over all runs; cancellable.
 */
export async function compareDevices(
  spec: DeviceComparisonSpec,
  opts: ChunkOptions = {},
): Promise<DeviceComparison> {
  const machines = spec.machines ?? ['committee', 'parity'];
  const runs = Math.max(1, spec.seeds.length * machines.length);
  const curves: DeviceCurve[] = [];
  let flips: Int32Array = new Int32Array(0);
  let shellEntropy: Float64Array = new Float64Array(0);
  for (const [s, seed] of spec.seeds.entries()) {
    const task = randomBinaryTask(seed, spec.inputs, spec.alpha);
    for (const [i, machine] of machines.entries()) {
      const arch: BinaryArchitecture = {
        inputs: spec.inputs,
        hidden: spec.hidden,
        tree: spec.tree,
        machine,
      };
      const run = s * machines.length + i;
      const found = await solveBinary(
        spec.solver,
        arch,
        task,
        { seed, sweeps: spec.sweeps },
        progressRange(opts, run / runs, (run + 0.7) / runs),
      );
      const entropy = await hammingLocalEntropy(
        arch,
        found.weights,
        task,
        { distances: spec.distances, samples: spec.samples, seed },
        progressRange(opts, (run + 0.7) / runs, (run + 1) / runs),
      );
      flips = entropy.flips;
      shellEntropy = entropy.shellEntropy;
      curves.push({
        machine,
        seed,
        solved: found.solved,
        errors: found.errors,
        sweeps: found.sweeps,
        fraction: entropy.fraction,
        localEntropy: entropy.localEntropy,
      });
    }
  }
  return { distances: Float64Array.from(spec.distances), flips, shellEntropy, curves };
}

/** Per machine: how many seeds it solved, and the fraction's mean, minimum and maximum per d. */
export interface DeviceSummary {
  readonly machine: BinaryMachine;
  readonly runs: number;
  readonly solved: number;
  readonly mean: Float64Array;
  readonly min: Float64Array;
  readonly max: Float64Array;
}

/** The curves of `comparison` summarized per machine, over the solved runs only. */
export function summarizeDevices(comparison: DeviceComparison): DeviceSummary[] {
  const machines = [...new Set(comparison.curves.map((c) => c.machine))];
  const d = comparison.distances.length;
  return machines.map((machine) => {
    const all = comparison.curves.filter((c) => c.machine === machine);
    const solved = all.filter((c) => c.solved);
    const mean = new Float64Array(d);
    const min = new Float64Array(d).fill(solved.length > 0 ? Infinity : NaN);
    const max = new Float64Array(d).fill(solved.length > 0 ? -Infinity : NaN);
    for (const c of solved)
      for (let r = 0; r < d; r++) {
        const f = c.fraction[r]!;
        mean[r]! += f / solved.length;
        min[r] = Math.min(min[r]!, f);
        max[r] = Math.max(max[r]!, f);
      }
    if (solved.length === 0) mean.fill(NaN);
    return { machine, runs: all.length, solved: solved.length, mean, min, max };
  });
}
