// tfjs-core registers no gradients by itself (the union package does); the harness installs only
// the second-order fixes, after these imports have run. Core's main entry must load first: in Node
// it is a separate (CommonJS) copy, and the first copy loaded creates the engine and its tensors.
import '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { describeEachBackend } from '../../testing/backends.node';
import { createOptimizer } from './createOptimizer';
import type { OptimizerOptions, OptimizerSnapshot } from './optimizer';
import { makeOptimizerSpec } from './optimizerSpec';
import type { OptimizerSpec } from './optimizerSpec';
import { logisticProblem, randomInit } from './testProblems';

const D = 6;
const B = 8;

/** One small spec per kind, each exercising its state: momentum, noise, replicas, moments. */
const SPECS: OptimizerSpec[] = [
  makeOptimizerSpec({
    kind: 'sgd',
    lr: 0.2,
    batchSize: B,
    momentum: 0.9,
    nesterov: true,
    weightDecay: 1e-3,
    normSchedule: { kind: 'grow', rate: 1e-3 },
  }),
  makeOptimizerSpec({ kind: 'entropySgd', batchSize: B, L: 3, noise: 1e-3, momentum: 0.5 }),
  makeOptimizerSpec({ kind: 'entropySgd', variant: 'scaled', batchSize: B, L: 2, gamma1: 1e-2 }),
  makeOptimizerSpec({
    kind: 'replicatedSgd',
    lr: 0.2,
    batchSize: B,
    replicas: 3,
    momentum: 0.9,
    g0: 0.1,
  }),
  makeOptimizerSpec({ kind: 'sam', lr: 0.2, batchSize: B, momentum: 0.9 }),
  makeOptimizerSpec({ kind: 'adam', lr: 0.05, batchSize: B }),
];

function label(spec: OptimizerSpec): string {
  return spec.kind === 'entropySgd' ? `entropySgd/${spec.variant}` : spec.kind;
}

function options(seed: number): OptimizerOptions {
  return { seed, initReplica: (a) => randomInit(D, 100 + a) };
}

describeEachBackend('createOptimizer', () => {
  for (const spec of SPECS) {
    it(`${label(spec)}: no tensor leaks over 1,000 steps`, () => {
      const before = tf.memory().numTensors;
      const opt = createOptimizer(spec, logisticProblem(D, 64, 1), randomInit(D, 2), options(3));
      opt.step();
      const owned = tf.memory().numTensors;
      for (let t = 1; t < 1000; t++) opt.step();
      expect(tf.memory().numTensors).toBe(owned);
      expect(opt.steps).toBe(1000);
      opt.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });

    it(`${label(spec)}: resuming from a snapshot continues exactly as not stopping`, async () => {
      const problem = logisticProblem(D, 64, 1);
      const opt = createOptimizer(spec, problem, randomInit(D, 2), options(3));
      for (let t = 0; t < 5; t++) opt.step();
      const snap = await opt.snapshot();
      const served = problem.batchesServed;
      const straight: Float32Array[] = [];
      for (let t = 0; t < 3; t++) {
        opt.step();
        straight.push(opt.params().dataSync() as Float32Array);
      }

      // A deep copy, as it would cross postMessage; then a fresh problem whose batch stream is
      // advanced to where the snapshot was taken.
      const copy: OptimizerSnapshot = {
        ...snap,
        vectors: Object.fromEntries(Object.entries(snap.vectors).map(([k, v]) => [k, v.slice()])),
      };
      const twin = logisticProblem(D, 64, 1);
      for (let k = 0; k < served; k++) tf.dispose(Object.values(twin.nextBatch(B)));
      const resumed = createOptimizer(spec, twin, new Float32Array(D), {
        ...options(3),
        from: copy,
      });
      for (const v of Object.values(copy.vectors)) v.fill(NaN); // the optimizer holds its own copy
      expect(resumed.steps).toBe(5);
      expect(resumed.gradEvals).toBe(snap.gradEvals);
      for (let t = 0; t < 3; t++) {
        resumed.step();
        expect(resumed.params().dataSync()).toEqual(straight[t]);
      }
      expect(resumed.gradEvals).toBe(opt.gradEvals);
      opt.dispose();
      resumed.dispose();
    });
  }

  it('refuses a snapshot of another kind, and an init of the wrong length', async () => {
    const problem = logisticProblem(D, 64, 1);
    const sgd = createOptimizer(makeOptimizerSpec({ kind: 'sgd' }), problem, randomInit(D, 2), {
      seed: 0,
    });
    const snap = await sgd.snapshot();
    sgd.dispose();
    expect(() =>
      createOptimizer(makeOptimizerSpec({ kind: 'adam' }), problem, randomInit(D, 2), {
        seed: 0,
        from: snap,
      }),
    ).toThrow(/adam optimizer from a sgd snapshot/);
    expect(() =>
      createOptimizer(makeOptimizerSpec({ kind: 'sgd' }), problem, randomInit(D + 1, 2), {
        seed: 0,
      }),
    ).toThrow(/init has 7 entries/);
  });
});
