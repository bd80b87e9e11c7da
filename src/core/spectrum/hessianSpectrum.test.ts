import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../../testing/backends.node';
import { hessianEigenvectorPlane } from '../slices/hessianEigenvectorPlane';
import { objectiveLoss } from '../slices/landscapeObjective';
import { lossSurface } from '../slices/lossSurface';
import { mixtureMlp, stochasticGradientDescent } from '../slices/testObjectives.node';
import { createRng } from '../random';
import { countOutliers } from './countOutliers';
import { denseMatrix, exactSpectrum } from './exactSpectrum';
import { gradientConfinement } from './gradientConfinement';
import { gradientVector, hessianOperator } from './hessianOperator';
import { lanczos } from './lanczos';

/**
 * H = (1/P) Σ_μ (diag p_μ − p_μ p_μᵀ) ⊗ x̃_μ x̃_μᵀ, x̃ = (x, 1), for logits z = xW + b with W [d, C]
 * row-major then b [C]: parameter (i, c) at i·C + c, the bias as row i = d. Float64.
 */
function softmaxRegressionHessian(
  x: Float32Array,
  count: number,
  d: number,
  classes: number,
  w: Float32Array,
) {
  const dim = (d + 1) * classes;
  const h = new Float64Array(dim * dim);
  for (let mu = 0; mu < count; mu++) {
    const xt = [...x.subarray(mu * d, (mu + 1) * d), 1];
    const z = Array.from({ length: classes }, (_, c) =>
      xt.reduce((s, xi, i) => s + xi * w[i * classes + c]!, 0),
    );
    const m = Math.max(...z);
    const e = z.map((zc) => Math.exp(zc - m));
    const sum = e.reduce((a, b) => a + b, 0);
    const p = e.map((ec) => ec / sum);
    for (let i = 0; i <= d; i++) {
      for (let c = 0; c < classes; c++) {
        for (let j = 0; j <= d; j++) {
          for (let c2 = 0; c2 < classes; c2++) {
            const s = ((c === c2 ? p[c]! : 0) - p[c]! * p[c2]!) * xt[i]! * xt[j]!;
            h[(i * classes + c) * dim + j * classes + c2]! += s / count;
          }
        }
      }
    }
  }
  return h;
}

describeEachBackend('Hessian spectra', () => {
  let n0 = 0;
  beforeAll(() => void (n0 = tf.memory().numTensors));
  afterAll(() => expect(tf.memory().numTensors).toBe(n0));

  it('exact = Lanczos top-k = closed-form softmax-regression Hessian', async () => {
    const { objective, model } = mixtureMlp({ hidden: [], classes: 3, dim: 4, count: 60 });
    const w = model.init(createRng(3, 'init'));
    const op = hessianOperator(objectiveLoss(objective), w);
    const xs = (await objective.x.data()) as Float32Array;
    const closed = softmaxRegressionHessian(xs, 60, 4, 3, w);
    const dense = await denseMatrix(op);
    const scale = Math.max(...closed.map(Math.abs));
    const err = Math.max(...dense.map((v, i) => Math.abs(v - closed[i]!))) / scale;
    expect(err).toBeLessThan(1e-5);
    const exact = await exactSpectrum(op);
    const top = await lanczos(op, { k: 3, which: 'top', steps: 15, rng: createRng(1, 'probes') });
    for (let j = 0; j < 3; j++) {
      expect(Math.abs(top.top[j]!.value - exact.values[14 - j]!) / exact.values[14]!).toBeLessThan(
        1e-5,
      );
    }
    // softmax is invariant to adding one vector to every class's column: C − 1 … at least d + 1 zeros
    expect(Math.abs(exact.values[0]!)).toBeLessThan(1e-5 * exact.values[14]!);
    // the slice along the top-2 eigenvectors curves as ½λa² (second differences, a = ±0.05)
    const plane = await hessianEigenvectorPlane(op, w, {
      rng: createRng(5, 'directions'),
      steps: 15,
    });
    expect(plane.eigenvalues[0]).toBeCloseTo(exact.values[14]!, 5);
    const h = 0.05;
    const line = await lossSurface(
      objective,
      plane,
      { a: [-h, 0, h], b: [0] },
      { method: 'pointwise' },
    );
    const second = (line.loss[0]! - 2 * line.loss[1]! + line.loss[2]!) / (h * h);
    expect(Math.abs(second - plane.eigenvalues[0]) / plane.eigenvalues[0]).toBeLessThan(0.05);
    op.dispose();
    objective.dispose();
  });

  it('a ReLU MLP trained by SGD on a non-centred C-class mixture: C − 1 … C outliers, f_C ≫ C/D', async () => {
    const classes = 4;
    for (const seed of [1, 2]) {
      const { objective, init, model } = mixtureMlp({
        classes,
        dim: 10,
        hidden: [16],
        count: 200,
        seed,
      });
      const f = objectiveLoss(objective);
      const w = await stochasticGradientDescent(objective, init, {
        steps: 60,
        learningRate: 0.2,
        batch: 10,
        seed,
      });
      const op = hessianOperator(f, w);
      const exact = await exactSpectrum(op);
      const D = model.paramCount;
      const outliers = countOutliers(exact.values);
      // measured: 3 outliers (C − 1: the logits' common shift is flat) with scores 2.1 and 1.4
      expect(outliers.count).toBeGreaterThanOrEqual(classes - 1);
      expect(outliers.count).toBeLessThanOrEqual(classes);
      const topVectors = [1, 2, 3, 4].map((j) =>
        exact.vectors.subarray((D - j) * D, (D - j + 1) * D),
      );
      const confinement = gradientConfinement(await gradientVector(f, w), topVectors);
      // measured f_C = 0.88 and 0.80 against C/D = 0.016
      expect(confinement.baseline).toBeCloseTo(classes / D, 12);
      expect(confinement.fraction).toBeGreaterThan(0.6);
      const lz = await lanczos(op, {
        k: classes,
        which: 'top',
        steps: 40,
        rng: createRng(seed, 'probes'),
      });
      lz.top.forEach((p, j) => {
        expect(Math.abs(p.value - exact.values[D - 1 - j]!) / exact.values[D - 1]!).toBeLessThan(
          1e-5,
        );
        const v = topVectors[j]!;
        expect(Math.abs(p.vector.reduce((s, x, i) => s + x * v[i]!, 0))).toBeGreaterThan(1 - 1e-4);
      });
      op.dispose();
      objective.dispose();
    }
  });
});
