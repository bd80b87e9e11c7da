/**
 * The ExperimentSpec: the single serializable description of an experiment. The permalink, the
 * presets, the CLI and the worker all speak it. Same spec + same backend ⇒ the same numbers.
 */
import type { DatasetSpec } from '../core/data/datasetSpec';
import type { LossSpec } from '../core/losses/lossSpec';
import type { ModelSpec } from '../core/models/modelSpec';
import type { OptimizerSpec } from '../core/optimizers/optimizerSpec';
import type { PlaneKind } from './analysis';

export const SPEC_VERSION = 1;

/** One optimizer run of an experiment. All runs share the data and the initial weights. */
export interface RunSpec {
  /** Stable, short, unique within the experiment (used in the URL and the exported data). */
  readonly id: string;
  readonly label: string;
  readonly optimizer: OptimizerSpec;
  /** Added to the experiment seed for this run's minibatches and noise (seed spread); 0 by default. */
  readonly seedOffset: number;
  /**
   * Train only inside a random affine hyperplane of this dimension d through the initialization,
   * θ = θ₀ + Mφ with M a D×d matrix of orthonormal columns (Fort & Scherlis 2019). Absent: the
   * full parameter space.
   */
  readonly hyperplane?: number;
  /**
   * This run does not train: it is a copy of an earlier run with hidden layer `layer`'s weights
   * and bias × `factor` and the next layer's weights × 1/`factor` — the same function for a ReLU
   * network, with a different Hessian (Dinh et al. 2017). Its optimizer is the source's.
   */
  readonly copy?: RescaledCopy;
}

/** A rescaled copy of another run: see `RunSpec.copy`. */
export interface RescaledCopy {
  /** The id of an earlier run of the experiment, itself not a copy. */
  readonly of: string;
  /** The hidden layer k (from 1) scaled by `factor`; layer k + 1 is scaled by 1/`factor`. */
  readonly layer: number;
  readonly factor: number;
}

/** Which landscape analyses run, how often, and how finely. */
export interface AnalysisSpec {
  /** Lockstep ticks between two analyses while playing; 0 analyses only on request. */
  readonly every: number;
  /**
   * Training waits for each analysis, so every one lands exactly on its tick (a λmax curve with
   * a point every `every` ticks). Off, analyses run beside training and the page stays lively.
   */
  readonly wait: boolean;
  /** 'exact' builds the whole Hessian (D ≤ ~3k); 'slq' estimates its density; 'auto' picks by D. */
  readonly spectrum: 'off' | 'auto' | 'exact' | 'slq';
  /** Random probes of the SLQ density; absent: 8 (a link or export without it means 8). */
  readonly probes?: number;
  readonly slice: {
    readonly plane: PlaneKind;
    /** Half-width of the grid in plane units (‖u‖ = ‖v‖ = 1 for orthonormal planes). */
    readonly extent: number;
    /** Grid points per side. */
    readonly resolution: number;
  } | null;
  readonly flatness: {
    /** Relative noise levels σ of the multiplicative local energy. */
    readonly sigmas: readonly number[];
    /** Relative radii d of the shell local entropy. */
    readonly radii: readonly number[];
    /** Seeded draws M per σ (and per radius). */
    readonly draws: number;
    /**
     * Shell sampling counts a point w' when E(w') ≤ E(w) + tolerance (a fraction of the training
     * set). 0 (the default): "still a solution" — the paper's measure, meant for minima that solve
     * the task; above zero training error a small tolerance keeps it from being decided by the
     * few samples on the decision boundary (SCIENCE.md §5: "or within a tolerance of E(w)").
     */
    readonly tolerance: number;
  } | null;
}

export interface ExperimentSpec {
  readonly version: typeof SPEC_VERSION;
  /** The experiment seed: data, initial weights, minibatches, noise, directions, probes. */
  readonly seed: number;
  readonly dataset: DatasetSpec;
  readonly model: ModelSpec;
  readonly loss: LossSpec;
  readonly runs: readonly RunSpec[];
  /** Gradient evaluations per lockstep tick: every run advances by this budget, then is measured. */
  readonly tickGradEvals: number;
  /**
   * The experiment's length in lockstep ticks: Play stops there, the last analysis lands on that
   * tick and a preset's verdict is read off it. 0: open-ended.
   */
  readonly budget: number;
  readonly analysis: AnalysisSpec;
}
