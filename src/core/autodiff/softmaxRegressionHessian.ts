/**
 * The closed-form Hessian of softmax regression under mean cross-entropy, in float64 — the oracle
 * of every Hessian test (SCIENCE.md §2):
 *   H = (1/P) Σ_μ (diag p_μ − p_μ p_μᵀ) ⊗ x̃_μ x̃_μᵀ,  x̃ = (x, 1) (the bias is an input fixed at 1).
 * In the flat layout (W [d, C] row-major, then b [C]) parameter (i, c) sits at i·C + c, with i = d
 * for the bias, so H[(i·C + c), (j·C + c′)] = (1/P) Σ_μ x̃_i x̃_j (δ_cc′ p_c − p_c p_c′).
 */
export function softmaxRegressionHessian(
  w: ArrayLike<number>,
  x: ArrayLike<number>,
  count: number,
  dim: number,
  classes: number,
): Float64Array {
  const d1 = dim + 1;
  const size = d1 * classes;
  const h = new Float64Array(size * size);
  const xt = new Float64Array(d1);
  const p = new Float64Array(classes);
  for (let mu = 0; mu < count; mu++) {
    for (let i = 0; i < dim; i++) xt[i] = x[mu * dim + i] ?? 0;
    xt[dim] = 1;
    let max = -Infinity;
    for (let c = 0; c < classes; c++) {
      let z = 0;
      for (let i = 0; i < d1; i++) z += (xt[i] ?? 0) * (w[i * classes + c] ?? 0);
      p[c] = z;
      max = Math.max(max, z);
    }
    let total = 0;
    for (let c = 0; c < classes; c++) {
      const e = Math.exp((p[c] ?? 0) - max);
      p[c] = e;
      total += e;
    }
    for (let c = 0; c < classes; c++) p[c] = (p[c] ?? 0) / total;
    for (let i = 0; i < d1; i++) {
      for (let j = 0; j < d1; j++) {
        const xx = ((xt[i] ?? 0) * (xt[j] ?? 0)) / count;
        for (let c = 0; c < classes; c++) {
          for (let c2 = 0; c2 < classes; c2++) {
            const pc = p[c] ?? 0;
            const a = (c === c2 ? pc : 0) - pc * (p[c2] ?? 0);
            const r = i * classes + c;
            const s = j * classes + c2;
            h[r * size + s] = (h[r * size + s] ?? 0) + xx * a;
          }
        }
      }
    }
  }
  return h;
}
