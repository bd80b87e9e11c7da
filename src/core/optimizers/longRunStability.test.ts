/**
 * Issue 14: with the library defaults, the growing couplings used to cross their stability
 * limits (Entropy-SGD's η'γ = 1 near outer step 5,800, Replicated-SGD's 2ηg = 1 near 8,500) and
 * the runs diverged from the coupling alone. On a flat loss with small gradient noise only the
 * coupling holds the iterates together: the runs must stay finite, and the replicas close to
 * their centre, up to step 20,000.
 */
// tfjs-core registers no gradients by itself (the union package does).
import '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { describeEachBackend } from '../../testing/backends.node';
import type { TrainingProblem } from '../types';
import { createOptimizer } from './createOptimizer';
import { couplingAt, couplingSchedule } from './couplingSchedule';
import {
  ENTROPY_SGD_DEFAULTS,
  ENTROPY_SGD_SCALED_DEFAULTS,
  REPLICATED_SGD_DEFAULTS,
  type OptimizerSpec,
} from './optimizerSpec';
import { randomInit } from './testProblems';
import { createRng } from '../random';

const D = 5;
const HORIZON = 20000;

/** A flat loss whose minibatch gradients are small noise ξ_B: only the coupling holds the run. */
function noiseProblem(): TrainingProblem {
  const rng = createRng(7, 'batches');
  return {
    paramCount: D,
    loss: (w, batch) => tf.sum(tf.mul(w, tf.reshape(batch.x, [D]))),
    nextBatch: () => ({
      x: tf.tensor2d(
        Float32Array.from({ length: D }, () => 1e-3 * rng.normal()),
        [1, D],
      ),
      y: tf.zeros([1]),
    }),
  };
}

const spread = (a: number) => randomInit(D, 100 + a, 1);

describeEachBackend('couplings over 20,000 steps with the library defaults', () => {
  const specs: [string, OptimizerSpec][] = [
    ['Entropy-SGD', ENTROPY_SGD_DEFAULTS],
    ['Entropy-SGD (scaled)', ENTROPY_SGD_SCALED_DEFAULTS],
    ['Replicated-SGD', REPLICATED_SGD_DEFAULTS],
  ];
  for (const [name, spec] of specs) {
    it(`${name}: the coupling is at its stability cap and the run stays finite`, async () => {
      const problem = noiseProblem();
      const options = { seed: 3, initReplica: spread };
      const fresh = createOptimizer(spec, problem, spread(0), options);
      // The last 200 steps of the horizon, resumed from the state at step 19,800.
      const late = { ...(await fresh.snapshot()), steps: HORIZON - 200 };
      fresh.dispose();
      const s = couplingSchedule(spec)!;
      expect(couplingAt(s, late.steps).capped).toBe('stability');

      const opt = createOptimizer(spec, problem, spread(0), { ...options, from: late });
      for (let t = 0; t < 200; t++) opt.step();
      const w = Array.from(await opt.params().data());
      expect(w.every(Number.isFinite)).toBe(true);
      expect(Math.max(...w.map(Math.abs))).toBeLessThan(10);
      expect(opt.steps).toBe(HORIZON);
      opt.dispose();
    });
  }

  it('Replicated-SGD: 20,000 steps from the start, the replicas stay near their centre', async () => {
    const problem = noiseProblem();
    const opt = createOptimizer(REPLICATED_SGD_DEFAULTS, problem, spread(0), {
      seed: 3,
      initReplica: spread,
    });
    for (let t = 0; t < HORIZON; t++) opt.step();
    const snapshot = await opt.snapshot();
    const replicas = Object.entries(snapshot.vectors).filter(([k]) => k.startsWith('replica'));
    expect(replicas.length).toBe(3);
    const centre = Array.from(await opt.params().data());
    for (const [, r] of replicas) {
      r.forEach((x, i) => expect(Math.abs(x - centre[i]!)).toBeLessThan(1e-3));
    }
    opt.dispose();
  }, 60_000);
});
