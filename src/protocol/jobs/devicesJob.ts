/**
 * Two ±1 devices on the same random patterns (SCIENCE.md §6.5; Baldassi, Pittorino & Zecchina
 * 2020): a committee machine and a parity machine at the same N, K and α, trained by the same
 * solver within the same sweep budget, and the Hamming local entropy around each solution.
 */
import type { BinaryMachine } from '../../core/binary/binaryNetwork';
import type { DeviceCurve } from '../../core/binary/compareDevices';
import type { BinarySolver } from '../../core/binary/solveBinary';

export interface DevicesJob {
  readonly kind: 'devices';
  /** Inputs N. */
  readonly inputs: number;
  /** Hidden units K (odd: the committee needs it). */
  readonly hidden: number;
  readonly tree: boolean;
  /** Load α = P/N. */
  readonly alpha: number;
  readonly solver: BinarySolver;
  readonly sweeps: number;
  /** Hamming distances d (fractions of the weights) of the local-entropy curve. */
  readonly distances: readonly number[];
  /** Flipped networks per distance. */
  readonly samples: number;
  readonly seed: number;
}

export interface DevicesResult {
  readonly kind: 'devices';
  readonly distances: Float64Array;
  /** Weights flipped per distance, the same for both devices. */
  readonly flips: Int32Array;
  /** (1/N) log C(N, f): the local entropy's upper bound. */
  readonly shellEntropy: Float64Array;
  /** The committee machine's curve, then the parity machine's. */
  readonly curves: readonly DeviceCurve[];
}

export type { BinaryMachine, DeviceCurve };
