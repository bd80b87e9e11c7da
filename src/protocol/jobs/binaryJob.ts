/**
 * ±1-weight perceptrons, committee and parity machines on random patterns (SCIENCE.md §1–2,
 * Baldassi et al.): a solver (focusing BP, least action, or a typical-solution baseline) and the
 * Hamming local entropy of the solution it finds.
 */
import type { BinaryMachine } from '../../core/binary/binaryNetwork';
import type { BinarySolver } from '../../core/binary/solveBinary';

export type { BinaryMachine, BinarySolver };
export { DEFAULT_FOCUSING_PROTOCOL, describeProtocol } from '../../core/binary/focusingProtocol';

export interface BinaryJob {
  readonly kind: 'binary';
  /** Inputs N. */
  readonly inputs: number;
  /** Hidden units K (odd; 1 is the perceptron). */
  readonly hidden: number;
  readonly tree: boolean;
  /** Output rule: majority of the hidden signs or their product (default 'committee'). */
  readonly machine?: BinaryMachine;
  /** Load α = P/N. */
  readonly alpha: number;
  readonly solvers: readonly BinarySolver[];
  /** Sweeps each solver may spend. */
  readonly sweeps: number;
  /** Hamming distances d (fractions of N) of the local-entropy curve. */
  readonly distances: readonly number[];
  /** Random flips per distance. */
  readonly samples: number;
  readonly seed: number;
}

export interface BinarySolverResult {
  readonly solver: BinarySolver;
  readonly solved: boolean;
  /** Training errors of the returned weights. */
  readonly errors: number;
  readonly sweeps: number;
  /** The local-entropy curve at `distances`: fraction of flipped configurations still solutions. */
  readonly fraction: Float64Array;
  /** (1/N) log of that fraction, and the shell's upper bound (1/N) log C(N, dN). */
  readonly localEntropy: Float64Array;
  readonly shellEntropy: Float64Array;
}

export interface BinaryResult {
  readonly kind: 'binary';
  readonly distances: Float64Array;
  readonly results: readonly BinarySolverResult[];
}
