// tfjs-core registers no gradients by itself (the union package does); the harness installs only
// the second-order fixes, after these imports have run. Core's main entry must load first: in Node
// it is a separate (CommonJS) copy, and the first copy loaded creates the engine and its tensors.
import '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { describeEachBackend } from '../../testing/backends.node';
import type { TrainingProblem } from '../types';
import { createOptimizer } from './createOptimizer';
import { makeOptimizerSpec } from './optimizerSpec';
import type { SgdHyper } from './optimizerSpec';
import { logisticProblem, randomInit } from './testProblems';

const D = 6;

/** A problem with zero gradient: only the coupling moves the replicas. */
function flatProblem(d: number): TrainingProblem {
  return {
    paramCount: d,
    loss: (w) => tf.mul(0, tf.sum(w)),
    nextBatch: () => ({ x: tf.zeros([1, 1]), y: tf.zeros([1]) }),
  };
}

describeEachBackend('Replicated-SGD', () => {
  const hypers: [string, Partial<SgdHyper>][] = [
    ['plain', {}],
    [
      'Nesterov + weight decay + step schedule',
      {
        momentum: 0.9,
        nesterov: true,
        weightDecay: 1e-2,
        lrSchedule: { kind: 'step', every: 20, factor: 0.5 },
      },
    ],
  ];
  for (const [name, hyper] of hypers) {
    it(`with one replica equals SGD bit for bit, step for step (${name})`, () => {
      const init = randomInit(D, 3);
      const common = { lr: 0.3, batchSize: 8, ...hyper };
      const sgd = createOptimizer(
        makeOptimizerSpec({ kind: 'sgd', ...common }),
        logisticProblem(D, 64, 5),
        init,
        {
          seed: 1,
        },
      );
      const rep = createOptimizer(
        makeOptimizerSpec({ kind: 'replicatedSgd', ...common, replicas: 1, g0: 0.5, g1: 0.1 }),
        logisticProblem(D, 64, 5),
        init,
        { seed: 1 },
      );
      for (let t = 0; t < 50; t++) {
        sgd.step();
        rep.step();
        expect(rep.params().dataSync()).toEqual(sgd.params().dataSync());
      }
      expect(rep.gradEvals).toBe(sgd.gradEvals);
      sgd.dispose();
      rep.dispose();
    });
  }

  it('pulls y replicas to their centre: w_a − w̄ ← (1 − 2ηg_t)(w_a − w̄), centre fixed', async () => {
    const inits = [0, 1, 2].map((a) => randomInit(D, 10 + a));
    const spec = makeOptimizerSpec({
      kind: 'replicatedSgd',
      lr: 0.1,
      replicas: 3,
      g0: 0.5,
      g1: 1,
      gMax: 2,
    });
    const opt = createOptimizer(spec, flatProblem(D), inits[0]!, {
      seed: 0,
      initReplica: (a) => inits[a]!,
    });
    const centre = Array.from(
      { length: D },
      (_, i) => (inits[0]![i]! + inits[1]![i]! + inits[2]![i]!) / 3,
    );
    expect(
      Array.from(opt.params().dataSync()).every((v, i) => Math.abs(v - centre[i]!) < 1e-6),
    ).toBe(true);
    // g_t = 0.5, 1, 2, 2 → factors 0.9, 0.8, 0.6, 0.6.
    let factor = 1;
    for (const g of [0.5, 1, 2, 2]) {
      opt.step();
      factor *= 1 - 2 * 0.1 * g;
    }
    expect(opt.gradEvals).toBe(12);
    const c = opt.params().dataSync();
    for (let i = 0; i < D; i++) expect(c[i]).toBeCloseTo(centre[i]!, 5);
    const snap = await opt.snapshot();
    for (let a = 0; a < 3; a++) {
      const w = snap.vectors[`replica${a}`]!;
      for (let i = 0; i < D; i++) {
        expect(w[i]! - centre[i]!).toBeCloseTo((inits[a]![i]! - centre[i]!) * factor, 5);
      }
    }
    opt.dispose();
  });

  it('gives each replica its own minibatch (y batches per step)', () => {
    const problem = logisticProblem(D, 64, 5);
    const init = randomInit(D, 3);
    const opt = createOptimizer(
      makeOptimizerSpec({ kind: 'replicatedSgd', replicas: 4, batchSize: 8 }),
      problem,
      init,
      {
        seed: 0,
      },
    );
    opt.step();
    expect(problem.batchesServed).toBe(4);
    opt.dispose();
  });
});
