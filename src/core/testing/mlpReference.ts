/**
 * A float64 reference MLP in plain JS, in Flatland's flat layout (W_l [fanIn, fanOut] row-major,
 * then b_l), with mean cross-entropy: loss and gradient by hand-written back-propagation, and a
 * Hessian–vector product by central differences of that float64 gradient. Test oracle only.
 */
export interface ReferenceMlp {
  readonly widths: readonly number[];
  readonly activation: 'relu' | 'tanh';
}

/** Mean cross-entropy L(w) and its gradient ∇L [D], float64. */
export function referenceLossAndGradient(
  net: ReferenceMlp,
  w: ArrayLike<number>,
  x: ArrayLike<number>,
  labels: ArrayLike<number>,
  count: number,
): { loss: number; gradient: Float64Array } {
  const { widths } = net;
  const layers = widths.length - 1;
  const offsets: number[] = [];
  let d = 0;
  for (let l = 0; l < layers; l++) {
    offsets.push(d);
    d += (widths[l] ?? 0) * (widths[l + 1] ?? 0) + (widths[l + 1] ?? 0);
  }
  const gradient = new Float64Array(d);
  let loss = 0;
  for (let mu = 0; mu < count; mu++) {
    // Forward, keeping every layer's pre-activation z and activation a.
    const din = widths[0] ?? 0;
    const acts: Float64Array[] = [
      Float64Array.from({ length: din }, (_, i) => x[mu * din + i] ?? 0),
    ];
    const pres: Float64Array[] = [];
    for (let l = 0; l < layers; l++) {
      const fi = widths[l] ?? 0;
      const fo = widths[l + 1] ?? 0;
      const off = offsets[l] ?? 0;
      const a = acts[l] as Float64Array;
      const z = new Float64Array(fo);
      for (let o = 0; o < fo; o++) {
        let s = w[off + fi * fo + o] ?? 0;
        for (let i = 0; i < fi; i++) s += (a[i] ?? 0) * (w[off + i * fo + o] ?? 0);
        z[o] = s;
      }
      pres.push(z);
      const last = l === layers - 1;
      acts.push(
        last ? z : z.map((v) => (net.activation === 'relu' ? Math.max(0, v) : Math.tanh(v))),
      );
    }
    // Softmax cross-entropy at the output.
    const z = pres[layers - 1] as Float64Array;
    const max = Math.max(...z);
    const e = z.map((v) => Math.exp(v - max));
    const total = e.reduce((s, v) => s + v, 0);
    const y = labels[mu] ?? 0;
    loss += -((z[y] ?? 0) - max - Math.log(total)) / count;
    let delta = e.map((v, c) => (v / total - (c === y ? 1 : 0)) / count);
    // Backward.
    for (let l = layers - 1; l >= 0; l--) {
      const fi = widths[l] ?? 0;
      const fo = widths[l + 1] ?? 0;
      const off = offsets[l] ?? 0;
      const a = acts[l] as Float64Array;
      for (let o = 0; o < fo; o++) {
        gradient[off + fi * fo + o] = (gradient[off + fi * fo + o] ?? 0) + (delta[o] ?? 0);
        for (let i = 0; i < fi; i++) {
          gradient[off + i * fo + o] =
            (gradient[off + i * fo + o] ?? 0) + (a[i] ?? 0) * (delta[o] ?? 0);
        }
      }
      if (l === 0) break;
      const below = pres[l - 1] as Float64Array;
      const next = new Float64Array(fi);
      for (let i = 0; i < fi; i++) {
        let s = 0;
        for (let o = 0; o < fo; o++) s += (w[off + i * fo + o] ?? 0) * (delta[o] ?? 0);
        const zi = below[i] ?? 0;
        const deriv = net.activation === 'relu' ? (zi > 0 ? 1 : 0) : 1 - Math.tanh(zi) ** 2;
        next[i] = s * deriv;
      }
      delta = next;
    }
  }
  return { loss, gradient };
}

/** H·v ≈ (∇L(w + εv) − ∇L(w − εv)) / 2ε in float64 (ε small enough to miss ReLU kinks). */
export function referenceHessianVectorProduct(
  net: ReferenceMlp,
  w: ArrayLike<number>,
  v: ArrayLike<number>,
  x: ArrayLike<number>,
  labels: ArrayLike<number>,
  count: number,
  eps = 1e-6,
): Float64Array {
  const shifted = (sign: number): Float64Array =>
    Float64Array.from({ length: w.length }, (_, i) => (w[i] ?? 0) + sign * eps * (v[i] ?? 0));
  const plus = referenceLossAndGradient(net, shifted(1), x, labels, count).gradient;
  const minus = referenceLossAndGradient(net, shifted(-1), x, labels, count).gradient;
  return plus.map((g, i) => (g - (minus[i] ?? 0)) / (2 * eps));
}
