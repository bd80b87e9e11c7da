/**
 * Fort & Ganguli's simple model as a live toy (SCIENCE.md §5–6): class-clustered logit gradients,
 * the Gauss–Newton Hessian and gradient built from them; its spectrum, outliers and confinement.
 */
export interface SimpleModelJob {
  readonly kind: 'simpleModel';
  /** Classes C. */
  readonly classes: number;
  /** Parameters D of the toy (its Jacobian's width). */
  readonly dim: number;
  /** Samples P. */
  readonly samples: number;
  /** Norm of the class means of the Jacobian rows (the cluster strength). */
  readonly clusterStrength: number;
  /** The logit scale s (multiplies logits and Jacobian). */
  readonly logitScale: number;
  readonly seed: number;
}

export interface SimpleModelResult {
  readonly kind: 'simpleModel';
  /** Eigenvalues of the Gauss–Newton Hessian, ascending. */
  readonly eigenvalues: Float64Array;
  readonly outliers: number;
  readonly bulkEdge: number;
  /** f_C = ‖V_Cᵀ g‖²/‖g‖² and its random baseline C/D. */
  readonly confinement: number;
  readonly confinementBaseline: number;
  readonly loss: number;
  /** λmax across a sweep of logit scales (the rise and fall of curvature). */
  readonly sweep: { readonly scales: Float64Array; readonly lambdaMax: Float64Array };
}
