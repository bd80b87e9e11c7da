/**
 * What data set to build: a discriminated union on `kind`, plain JSON (it travels in permalinks
 * and worker messages). `makeDataset(spec, seed)` turns it into numbers; SCIENCE.md §1.
 */

/** Sizes shared by every sampled data set. */
interface SplitSizes {
  /** Number of training samples P. */
  readonly train: number;
  /** Number of held-out test samples. */
  readonly test: number;
}

/** Two interleaved spiral arms per class in the plane; `classes` arms, `turns` turns each. */
export interface SpiralSpec extends SplitSizes {
  readonly kind: 'spiral';
  readonly classes: number;
  readonly turns: number;
  /** Standard deviation of the isotropic Gaussian noise added to each point. */
  readonly noise: number;
  /** Fraction of training labels replaced by a uniformly drawn different class (test labels stay clean). */
  readonly labelNoise: number;
}

/** Two interleaving half circles ("two moons"), classes 0 and 1. */
export interface MoonsSpec extends SplitSizes {
  readonly kind: 'moons';
  readonly noise: number;
}

/** Two concentric circles, the inner one of radius `factor` (< 1) labelled 1. */
export interface CirclesSpec extends SplitSizes {
  readonly kind: 'circles';
  readonly noise: number;
  readonly factor: number;
}

/** Uniform points in [−1, 1]²; label 1 where x₁·x₂ > 0 (before noise), 0 elsewhere. */
export interface XorSpec extends SplitSizes {
  readonly kind: 'xor';
  readonly noise: number;
}

/** ξ ∈ {±1}^N uniform, y ∈ {±1} uniform, P = round(αN). No test split (nothing to generalize). */
export interface RandomPatternsSpec {
  readonly kind: 'randomPatterns';
  /** Input dimension N. */
  readonly n: number;
  /** Load α = P/N. */
  readonly alpha: number;
}

/** ξ ∈ {±1}^N uniform, y = sign(w_T·ξ) for a Gaussian teacher w_T; test split from the same teacher. */
export interface TeacherStudentSpec {
  readonly kind: 'teacherStudent';
  readonly n: number;
  readonly alpha: number;
  readonly test: number;
}

/** C class means of norm `separation` in R^d, x = m_c + N(0, I) + shift·1, labels flipped at rate `labelNoise`. */
export interface GaussianMixtureSpec extends SplitSizes {
  readonly kind: 'gaussianMixture';
  readonly dim: number;
  readonly classes: number;
  /** Norm s of every class mean. */
  readonly separation: number;
  /** Constant added to every input coordinate (1 = non-centred inputs, 0 = centred). */
  readonly shift: number;
  /** Fraction of training labels replaced by a uniformly drawn different class. */
  readonly labelNoise: number;
}

/** A seeded subset of the bundled MNIST digits (pixels scaled to [0, 1]). */
export interface MnistSpec extends SplitSizes {
  readonly kind: 'mnist';
  /** 2×2 average pooling to 14×14 (D shrinks 4×). */
  readonly downsample: boolean;
}

export type DatasetSpec =
  | SpiralSpec
  | MoonsSpec
  | CirclesSpec
  | XorSpec
  | RandomPatternsSpec
  | TeacherStudentSpec
  | GaussianMixtureSpec
  | MnistSpec;

export type DatasetKind = DatasetSpec['kind'];

export const DATASET_KINDS: readonly DatasetKind[] = [
  'spiral',
  'moons',
  'circles',
  'xor',
  'randomPatterns',
  'teacherStudent',
  'gaussianMixture',
  'mnist',
];

/** The defaults of each kind: small enough for exact Hessians in the browser. */
export function defaultDatasetSpec<K extends DatasetKind>(
  kind: K,
): Extract<DatasetSpec, { kind: K }>;
export function defaultDatasetSpec(kind: DatasetKind): DatasetSpec {
  switch (kind) {
    case 'spiral':
      return { kind, train: 400, test: 400, classes: 2, turns: 1.5, noise: 0.1, labelNoise: 0 };
    case 'moons':
      return { kind, train: 400, test: 400, noise: 0.1 };
    case 'circles':
      return { kind, train: 400, test: 400, noise: 0.08, factor: 0.5 };
    case 'xor':
      return { kind, train: 400, test: 400, noise: 0.05 };
    case 'randomPatterns':
      return { kind, n: 201, alpha: 0.5 };
    case 'teacherStudent':
      return { kind, n: 201, alpha: 2, test: 2000 };
    case 'gaussianMixture':
      return {
        kind,
        train: 1000,
        test: 1000,
        dim: 20,
        classes: 4,
        separation: 3,
        shift: 1,
        labelNoise: 0,
      };
    case 'mnist':
      return { kind, train: 2000, test: 1000, downsample: true };
  }
}
