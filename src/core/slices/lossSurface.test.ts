import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../../testing/backends.node';
import { CancelledError } from '../cancel';
import { createRng } from '../random';
import { makeDataset } from '../data/makeDataset';
import { baldassiLoss } from '../losses/baldassiLoss';
import { crossEntropyOfBlocks } from '../losses/crossEntropy';
import { makeMlp } from '../models/mlp';
import { makePerceptron } from '../models/perceptron';
import { createLandscapeObjective, evaluateAt } from './landscapeObjective';
import { evaluatePoints } from './evaluatePoints';
import { filterNormalizedPlane } from './filterNormalizedDirection';
import { linspace, lossInterpolation, lossSurface } from './lossSurface';
import { planeThroughPoints } from './planeThroughPoints';
import { mixtureMlp } from './testObjectives.node';

const relMax = (x: ArrayLike<number>, y: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < x.length; i++)
    m = Math.max(m, Math.abs(x[i]! - y[i]!) / Math.max(1e-6, Math.abs(y[i]!)));
  return m;
};

describeEachBackend('loss slices', () => {
  let fixture: ReturnType<typeof mixtureMlp>;
  let before = 0;
  beforeAll(() => {
    before = tf.memory().numTensors;
    fixture = mixtureMlp({ hidden: [6, 5], count: 50 });
  });
  afterAll(() => {
    fixture.objective.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('contains the three points it was built from: grid loss at their (a, b) = their loss', async () => {
    const { objective, model } = fixture;
    const points = [1, 2, 3].map((s) => model.init(createRng(s, 'init')));
    const plane = planeThroughPoints(points[0]!, points[1]!, points[2]!);
    const at = plane.coordinates.map(([a]) => a);
    const bt = plane.coordinates.map(([, b]) => b);
    const n0 = tf.memory().numTensors;
    const own = await Promise.all(points.map((p) => evaluateAt(objective, p)));
    for (const method of ['pointwise', 'batched'] as const) {
      const grid = await lossSurface(objective, plane, { a: at, b: bt }, { method });
      own.forEach((o, k) => {
        // the diagonal of the 3×3 grid holds (a_k, b_k)
        expect(Math.abs(grid.loss[k * 3 + k]! - o.loss) / o.loss).toBeLessThan(
          method === 'pointwise' ? 1e-6 : 1e-5,
        );
        expect(grid.error[k * 3 + k]).toBe(o.error);
      });
    }
    expect(tf.memory().numTensors).toBe(n0);
  });

  it('batched grid equals the point-by-point grid (≤ 1e-5 relative), in chunks', async () => {
    const { objective, model, init } = fixture;
    const plane = filterNormalizedPlane(model.layout, init, createRng(4, 'directions'));
    const grid = { a: linspace(-1, 1, 7), b: linspace(-1.5, 1, 6) };
    const n0 = tf.memory().numTensors;
    const progress: number[] = [];
    const batched = await lossSurface(objective, plane, grid, {
      method: 'batched',
      pointsPerChunk: 10,
      onProgress: (f) => progress.push(f),
    });
    const reference = await lossSurface(objective, plane, grid, { method: 'pointwise' });
    expect(tf.memory().numTensors).toBe(n0);
    expect(batched.loss).toHaveLength(42);
    expect(relMax(batched.loss, reference.loss)).toBeLessThan(1e-5);
    // errors may differ only where float32 rounding flips a near-tie: at most one sample
    for (let i = 0; i < 42; i++)
      expect(Math.abs(batched.error[i]! - reference.error[i]!)).toBeLessThanOrEqual(1 / 50);
    expect(progress).toEqual([10 / 42, 20 / 42, 30 / 42, 40 / 42, 1]);
    // the slice is centred on the init: (0, 0) is the init's own loss
    const own = await evaluateAt(objective, init);
    const centre = await lossSurface(objective, plane, { a: [0], b: [0] }, { method: 'batched' });
    expect(Math.abs(centre.loss[0]! - own.loss) / own.loss).toBeLessThan(1e-5);
    // The one-shot loss of all blocks (no per-point loss call) gives the same grid.
    const blocks = await lossSurface(
      { ...objective, blockLoss: crossEntropyOfBlocks },
      plane,
      grid,
      { method: 'batched', pointsPerChunk: 10 },
    );
    expect(relMax(blocks.loss, reference.loss)).toBeLessThan(1e-5);
    expect(Array.from(blocks.error)).toEqual(Array.from(batched.error));
    expect(tf.memory().numTensors).toBe(n0);
  });

  it('evaluates arbitrary point sets batched = pointwise, and 1-D interpolations end at both points', async () => {
    const { objective, model } = fixture;
    const points = [5, 6, 7, 8, 9].map((s) => model.init(createRng(s, 'init')));
    const reference = await evaluatePoints(objective, points, { method: 'pointwise' });
    // Both ways of running a chunk: one batched forward, and one fused forward per point.
    for (const tail of ['batched', 'perPoint'] as const) {
      const batched = await evaluatePoints(objective, points, {
        method: 'batched',
        pointsPerChunk: 2,
        tail,
      });
      expect(relMax(batched.loss, reference.loss), tail).toBeLessThan(1e-5);
      expect(Array.from(batched.error), tail).toEqual(Array.from(reference.error));
    }
    const line = await lossInterpolation(objective, points[0]!, points[1]!, linspace(0, 1, 5));
    expect(
      relMax([line.loss[0]!, line.loss[4]!], [reference.loss[0]!, reference.loss[1]!]),
    ).toBeLessThan(1e-5);
  });

  it('rejects with CancelledError when aborted, leaking nothing', async () => {
    const { objective, model, init } = fixture;
    const plane = filterNormalizedPlane(model.layout, init, createRng(4, 'directions'));
    const n0 = tf.memory().numTensors;
    const signal = { aborted: false };
    const run = lossSurface(
      objective,
      plane,
      { a: linspace(-1, 1, 10), b: linspace(-1, 1, 10) },
      { pointsPerChunk: 10, signal, onProgress: () => void (signal.aborted = true) },
    );
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(tf.memory().numTensors).toBe(n0);
  });
});

describeEachBackend('loss slices of ±1-label models', () => {
  it('sign-output MLP: batched = pointwise; perceptron: point by point, (0, 0) = its own loss', async () => {
    const n0 = tf.memory().numTensors;
    const data = makeDataset({ kind: 'randomPatterns', n: 12, alpha: 2 }, 3);
    const loss = (z: tf.Tensor2D, y: tf.Tensor1D) => baldassiLoss(z, y, 2);
    const mlp = makeMlp({
      inputDim: 12,
      hidden: [5],
      outputDim: 1,
      activation: 'tanh',
      initScale: 1,
      labelKind: 'sign',
    });
    const mlpObjective = createLandscapeObjective({
      model: mlp,
      loss,
      split: data.train,
      labelKind: 'sign',
      denseChain: { activation: 'tanh' },
    });
    const init = mlp.init(createRng(3, 'init'));
    const plane = filterNormalizedPlane(mlp.layout, init, createRng(3, 'directions'), {
      bias: 'unit',
    });
    const grid = { a: linspace(-1, 1, 5), b: linspace(-1, 1, 4) };
    const batched = await lossSurface(mlpObjective, plane, grid, { method: 'batched' });
    const reference = await lossSurface(mlpObjective, plane, grid, { method: 'pointwise' });
    expect(relMax(batched.loss, reference.loss)).toBeLessThan(1e-5);
    for (let i = 0; i < 20; i++) {
      expect(Math.abs(batched.error[i]! - reference.error[i]!)).toBeLessThanOrEqual(1 / 24);
    }
    mlpObjective.dispose();

    const perceptron = makePerceptron({
      inputDim: 12,
      norm: 'free',
      field: 'normalized',
      initScale: 1,
    });
    const pObjective = createLandscapeObjective({
      model: perceptron,
      loss,
      split: data.train,
      labelKind: 'sign',
    });
    const w = perceptron.init(createRng(4, 'init'));
    const pPlane = filterNormalizedPlane(perceptron.layout, w, createRng(4, 'directions'));
    const surface = await lossSurface(pObjective, pPlane, { a: [0, 0.5], b: [0] });
    const own = await evaluateAt(pObjective, w);
    expect(Math.abs(surface.loss[0]! - own.loss)).toBeLessThan(1e-6 * Math.max(1, own.loss));
    expect(surface.error[0]).toBe(own.error);
    expect(surface.loss[1]).not.toBe(surface.loss[0]);
    await expect(
      lossSurface(pObjective, pPlane, { a: [0], b: [0] }, { method: 'batched' }),
    ).rejects.toThrow(/MLP/);
    pObjective.dispose();
    expect(tf.memory().numTensors).toBe(n0);
  });
});
