/**
 * Fort & Ganguli's simple model of the local geometry (arXiv 1910.05929; SCIENCE.md §5–6): the
 * Hessian's C outliers and the gradient's confinement to them follow from logit gradients that
 * cluster by class, pushed through the softmax curvature. Flatland's construction, precisely:
 *
 * - P samples with balanced labels y_μ = μ mod C.
 * - C cluster means m_c ∈ R^D with i.i.d. N(0, a²/D) entries (‖m_c‖ ≈ a, the cluster strength).
 * - The logit Jacobian J_μ (C×D) of sample μ has rows
 *     J_μ[c] = s·((1 + κ·[c = y_μ])·m_c + ε_μc),   ε_μc i.i.d. N(0, 1/D) entries (‖ε‖ ≈ 1):
 *   the gradient of logit c clusters around m_c, and more strongly (factor 1 + κ, the own-class
 *   boost) for inputs of class c. κ > 0 matters: softmax curvature A_μ = diag p_μ − p_μ p_μᵀ
 *   annihilates the all-ones logit direction, so with κ = 0 the mean part of G has rank C − 1;
 *   with κ > 0 the null direction differs between classes and the rank is C.
 * - Logits z_μ = s·(e_{y_μ} + ν·n_μ), n_μ ~ N(0, I_C); p_μ = softmax(z_μ). The same scale s
 *   multiplies logits and Jacobian, as for a network whose output is homogeneous of degree one
 *   in a global weight scale: growing s is "training" (confidence grows).
 * - Gauss–Newton Hessian G = (1/P) Σ_μ J_μᵀ (diag p_μ − p_μ p_μᵀ) J_μ and gradient
 *   g = (1/P) Σ_μ J_μᵀ (p_μ − e_{y_μ}) of the mean cross-entropy.
 *
 * G's mean part has C outliers of size ∝ s²·a²·(softmax variance), above a Marchenko–Pastur-like
 * bulk of size ∝ s²/D from the ε's; g lies (up to O(1/√P) noise) in span{m_c}, the top-C space.
 * λ_max ∝ s² while the softmax is uncertain and decays like s²·e^{−s} once it is confident: the
 * rise and fall of the top curvature.
 *
 * Draws: cluster means from `createRng(seed, 'init')`, Jacobian noise and logit noise from
 * `createRng(seed, 'noise')` — so models that differ only in s share every draw.
 */
import { symmetricEigenChunked } from '../linalg/symmetricEigen';
import { progressRange } from '../linalg/checkpoint';
import { createRng } from '../random';
import type { OutlierCount } from '../spectrum/countOutliers';
import { countOutliers } from '../spectrum/countOutliers';
import type { GradientConfinement } from '../spectrum/gradientConfinement';
import { gradientConfinement } from '../spectrum/gradientConfinement';
import type { ChunkOptions } from '../types';

export interface SimpleModelOptions {
  seed: number;
  /** Classes C ≥ 2. */
  classes: number;
  /** Parameter dimension D. */
  dim: number;
  /** Samples P. */
  samples: number;
  /** Cluster strength a: ‖m_c‖ ≈ a against noise of norm ≈ 1 (default 3). */
  clusterStrength?: number;
  /** Own-class boost κ of the own logit's gradient (default 1). */
  ownClassBoost?: number;
  /** Logit scale s (default 1). */
  logitScale?: number;
  /** Logit noise ν (default 0.15: the top-two logit gap stays away from 0, so λ_max falls). */
  logitNoise?: number;
}

export interface SimpleModel {
  readonly classes: number;
  readonly dim: number;
  readonly samples: number;
  readonly labels: Int32Array;
  /** Softmax probabilities, row-major [P, C]. */
  readonly probabilities: Float64Array;
  /** Mean cross-entropy −(1/P) Σ log p_μ,y_μ. */
  readonly loss: number;
  /** Gauss–Newton Hessian G, row-major [D, D], symmetric. */
  readonly gaussNewton: Float64Array;
  /** Gradient g, [D]. */
  readonly gradient: Float64Array;
}

/** Builds the model's G and g (O(P·C·D²)). */
export function simpleModel(options: SimpleModelOptions): SimpleModel {
  const C = options.classes;
  const D = options.dim;
  const P = options.samples;
  if (!(C >= 2) || !(D >= 1) || !(P >= 1))
    throw new RangeError('simpleModel: need C ≥ 2, D ≥ 1, P ≥ 1');
  const a = options.clusterStrength ?? 3;
  const kappa = options.ownClassBoost ?? 1;
  const s = options.logitScale ?? 1;
  const nu = options.logitNoise ?? 0.15;

  const initRng = createRng(options.seed, 'init');
  const means = Float64Array.from({ length: C * D }, () => (a / Math.sqrt(D)) * initRng.normal());
  const noise = createRng(options.seed, 'noise');
  const labels = Int32Array.from({ length: P }, (_, mu) => mu % C);
  const probabilities = new Float64Array(P * C);
  const G = new Float64Array(D * D);
  const g = new Float64Array(D);
  const J = new Float64Array(C * D);
  const AJ = new Float64Array(C * D);
  const z = new Float64Array(C);
  const A = new Float64Array(C * C);
  const invSqrtD = 1 / Math.sqrt(D);
  let loss = 0;
  for (let mu = 0; mu < P; mu++) {
    const y = labels[mu]!;
    for (let c = 0; c < C; c++) {
      const f = s * (1 + (c === y ? kappa : 0));
      for (let i = 0; i < D; i++)
        J[c * D + i] = f * means[c * D + i]! + s * invSqrtD * noise.normal();
    }
    let zmax = -Infinity;
    for (let c = 0; c < C; c++) {
      z[c] = s * ((c === y ? 1 : 0) + nu * noise.normal());
      zmax = Math.max(zmax, z[c]!);
    }
    let sum = 0;
    for (let c = 0; c < C; c++) sum += Math.exp(z[c]! - zmax);
    for (let c = 0; c < C; c++) probabilities[mu * C + c] = Math.exp(z[c]! - zmax) / sum;
    loss -= z[y]! - zmax - Math.log(sum);
    const p = probabilities.subarray(mu * C, (mu + 1) * C);
    for (let c = 0; c < C; c++)
      for (let e = 0; e < C; e++) A[c * C + e] = (c === e ? p[c]! : 0) - p[c]! * p[e]!;
    // AJ = A·J (C×D); then G += Jᵀ·AJ and g += Jᵀ(p − e_y).
    AJ.fill(0);
    for (let c = 0; c < C; c++)
      for (let e = 0; e < C; e++) {
        const ace = A[c * C + e]!;
        if (ace === 0) continue;
        for (let i = 0; i < D; i++) AJ[c * D + i]! += ace * J[e * D + i]!;
      }
    for (let c = 0; c < C; c++) {
      const r = p[c]! - (c === y ? 1 : 0);
      for (let i = 0; i < D; i++) {
        const jci = J[c * D + i]!;
        g[i]! += jci * r;
        if (jci === 0) continue;
        const row = i * D;
        const aj = c * D;
        for (let k = 0; k < D; k++) G[row + k]! += jci * AJ[aj + k]!;
      }
    }
  }
  for (let i = 0; i < D * D; i++) G[i]! /= P;
  for (let i = 0; i < D; i++) g[i]! /= P;
  // Symmetrize away rounding.
  for (let i = 0; i < D; i++)
    for (let k = i + 1; k < D; k++) {
      const v = 0.5 * (G[i * D + k]! + G[k * D + i]!);
      G[i * D + k] = v;
      G[k * D + i] = v;
    }
  return {
    classes: C,
    dim: D,
    samples: P,
    labels,
    probabilities,
    loss: loss / P,
    gaussNewton: G,
    gradient: g,
  };
}

export interface SimpleModelAnalysis {
  readonly model: SimpleModel;
  /** Eigenvalues of G, descending. */
  readonly eigenvalues: Float64Array;
  readonly outliers: OutlierCount;
  /** Gradient confinement to the top-C eigenvectors (k = C). */
  readonly confinement: GradientConfinement;
}

/** The model, G's full spectrum (dense eigensolver), its outlier count and f_C. */
export async function analyzeSimpleModel(
  options: SimpleModelOptions,
  opts: ChunkOptions = {},
): Promise<SimpleModelAnalysis> {
  const model = simpleModel(options);
  const D = model.dim;
  const eig = await symmetricEigenChunked(model.gaussNewton, D, {}, progressRange(opts, 0, 1));
  const eigenvalues = Float64Array.from(eig.values).reverse();
  const top: Float64Array[] = [];
  for (let j = 0; j < Math.min(model.classes, D); j++) {
    const row = D - 1 - j;
    top.push(eig.vectors.slice(row * D, (row + 1) * D));
  }
  return {
    model,
    eigenvalues,
    outliers: countOutliers(eigenvalues),
    confinement: gradientConfinement(model.gradient, top),
  };
}
