import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../../testing/backends.node';
import { hessianOperator } from '../spectrum/hessianOperator';
import { createRng, normalArray } from '../random';
import { referenceLossAndGradient } from '../testing/mlpReference';
import { denseChainPlane, type PlaneTail } from './denseChainPlane';
import { evaluateOnPlane } from './evaluateOnPlane';
import { filterNormalizedPlane } from './filterNormalizedDirection';
import { hessianEigenvectorPlane } from './hessianEigenvectorPlane';
import { lossAndErrorOfLogits } from './denseChainBatch';
import { objectiveLoss } from './landscapeObjective';
import { planeFromDirections, pointOnPlane, type Plane } from './plane';
import { planeThroughPoints } from './planeThroughPoints';
import { mixtureMlp } from './testObjectives.node';
import { trajectoryPcaPlane } from './trajectoryPcaPlane';

const DIM = 5;
const COUNT = 40;

/** A 7×7 grid of (a, b) over [−r, r]², flattened. */
function grid(r: number): { a: Float64Array; b: Float64Array } {
  const side = Array.from({ length: 7 }, (_, i) => -r + (2 * r * i) / 6);
  const a = Float64Array.from({ length: 49 }, (_, g) => side[g % 7]!);
  const b = Float64Array.from({ length: 49 }, (_, g) => side[Math.floor(g / 7)]!);
  return { a, b };
}

describeEachBackend('the decomposed plane slice (first layer as three shared products)', () => {
  for (const activation of ['relu', 'tanh'] as const) {
    let fixture: ReturnType<typeof mixtureMlp>;
    const planes: [string, Plane, number][] = [];
    let before = 0;
    beforeAll(async () => {
      before = tf.memory().numTensors;
      fixture = mixtureMlp({ hidden: [7, 6, 5], count: COUNT, dim: DIM, activation, seed: 3 });
      const { model, init, objective } = fixture;
      const D = model.paramCount;
      const others = [4, 5].map((s) => model.init(createRng(s, 'init')));
      const walk = [1, 2, 3, 4].map((t) =>
        Float32Array.from(
          init,
          (x, i) => x + 0.1 * t * others[0]![i]! - 0.05 * t * t * others[1]![i]!,
        ),
      );
      const hessian = hessianOperator(objectiveLoss(objective), init);
      try {
        planes.push(
          [
            'random',
            planeFromDirections(
              init,
              normalArray(createRng(1, 'directions'), D),
              normalArray(createRng(2, 'directions'), D),
            ),
            0.5,
          ],
          [
            'filter-normalized',
            filterNormalizedPlane(model.layout, init, createRng(3, 'directions')),
            1,
          ],
          [
            'Hessian eigenvectors',
            await hessianEigenvectorPlane(hessian, init, { rng: createRng(1, 'probes') }),
            3,
          ],
          ['through three points', planeThroughPoints(init, others[0]!, others[1]!), 1.5],
          ['trajectory PCA', trajectoryPcaPlane([init, ...walk]), 2],
        );
      } finally {
        hessian.dispose();
      }
    });
    afterAll(() => {
      fixture.objective.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });

    it(`${activation}, 3 hidden layers: each plane kind, both tails = point by point and the float64 loss`, async () => {
      const { objective } = fixture;
      const widths = [DIM, 7, 6, 5, 3];
      const x = await objective.x.data();
      const y = Array.from(await objective.y.data());
      for (const [name, plane, r] of planes) {
        const { a, b } = grid(r);
        const reference = await evaluateOnPlane(objective, plane, a, b, { method: 'pointwise' });
        const exact = Array.from(
          a,
          (ag, g) =>
            referenceLossAndGradient(
              { widths, activation },
              pointOnPlane(plane, ag, b[g]!),
              x,
              y,
              COUNT,
            ).loss,
        );
        for (const tail of ['perPoint', 'batched'] as PlaneTail[]) {
          const n0 = tf.memory().numTensors;
          const decomposed = denseChainPlane(objective, plane, activation, tail);
          const both = tf.tidy(() => {
            const r = lossAndErrorOfLogits(objective, decomposed.logits(a, b, 0, a.length));
            return tf.stack([r.loss, r.error]);
          });
          const values = await both.data();
          both.dispose();
          decomposed.dispose();
          expect(tf.memory().numTensors).toBe(n0);
          for (let g = 0; g < a.length; g++) {
            const loss = values[g]!;
            const want = reference.loss[g]!;
            // float32: the two paths round differently (three products summed vs one product of
            // the summed weights); both sit within a few float32 ulps of the float64 loss, so
            // they agree to 1e-6 relative, and each to 1e-6 of the exact value.
            const context = `${name} ${tail} point ${g}: ${loss} vs ${want}`;
            expect(Math.abs(loss - want) / want, context).toBeLessThan(1e-6);
            expect(Math.abs(loss - exact[g]!) / exact[g]!, context).toBeLessThan(1e-6);
            expect(
              Math.abs(values[a.length + g]! - reference.error[g]!),
              context,
            ).toBeLessThanOrEqual(1 / COUNT);
          }
        }
      }
    });
  }
});
