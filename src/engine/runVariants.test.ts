/**
 * The two runs that are not plain optimizers: a rescaled copy computes the same function as its
 * source with a different Hessian, and a hyperplane run never leaves θ₀ + span(M).
 */
import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { randomHyperplane } from '../core/hyperplane/randomHyperplane';
import { rescaleReluLayers } from '../core/models/rescaleReluLayers';
import { completeRun, completeSpec } from '../protocol/completeSpec';
import type { ExperimentSpec, RunSpec } from '../protocol/experimentSpec';
import { describeEachBackend } from '../testing/backends.node';
import { createExperiment, type Experiment } from './experiment';

const sgd: RunSpec = completeRun({
  id: 'sgd',
  label: 'SGD',
  optimizer: { kind: 'sgd', batchSize: 16, momentum: 0.9 },
});

const spec: ExperimentSpec = completeSpec({
  seed: 3,
  dataset: { kind: 'moons', train: 120, test: 60 },
  model: { kind: 'mlp', hidden: [8, 8] },
  runs: [sgd, { ...sgd, id: 'big', label: 'SGD ×5', copy: { of: 'sgd', layer: 1, factor: 5 } }],
  tickGradEvals: 4,
  budget: 0,
  analysis: {
    every: 0,
    spectrum: 'exact',
    slice: null,
    flatness: { sigmas: [0.05, 0.2], radii: [0.05], draws: 8, tolerance: 0 },
  },
});

async function ticks(experiment: Experiment, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    experiment.advance();
    await experiment.measure();
  }
}

/** Equal up to float32 rounding (the device multiplies by the float32 of 1/c). */
function expectClose(actual: Float32Array, expected: Float32Array): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((x, i) =>
    expect(Math.abs(x - expected[i]!)).toBeLessThan(1e-6 * Math.max(1, Math.abs(x))),
  );
}

const column = (e: Experiment, i: number, key: 'trainLoss' | 'trainError') =>
  Array.from(e.runs[i]!.recorder.columns()[key]);

describeEachBackend('a rescaled copy', () => {
  it('is its source with layer 1 × c and layer 2 × 1/c: same losses, same δE, another λmax', async () => {
    const e = await createExperiment(spec, {}, null);
    await ticks(e, 25);
    const [source, copy] = e.runs;
    expect(copy!.gradEvals).toBe(source!.gradEvals);
    expectClose(copy!.weights(), rescaleReluLayers(e.model.layout, source!.weights(), 1, 5));
    const [a, b] = [column(e, 0, 'trainLoss'), column(e, 1, 'trainLoss')];
    expect(a.length).toBe(26);
    b.forEach((x, i) => expect(Math.abs(x - a[i]!)).toBeLessThan(2e-5 * Math.max(1, a[i]!)));
    expect(column(e, 1, 'trainError')).toEqual(column(e, 0, 'trainError'));

    const update = await e.analyse(spec.analysis, {});
    const [s1, s2] = update.spectra;
    const [f1, f2] = update.flatness;
    // Dinh et al.: the Hessian changes (here λmax grows several-fold) ...
    expect(s2!.lambdaMax / s1!.lambdaMax).toBeGreaterThan(2);
    // ... the multiplicative local energy does not (common draws, the same perturbed functions).
    f1!.energyLoss.forEach((x, i) =>
      expect(Math.abs(f2!.energyLoss[i]! - x)).toBeLessThan(1e-3 * Math.max(1e-3, Math.abs(x))),
    );
    e.dispose();
  });

  it('stops when its source stops, and resumes with it from a checkpoint', async () => {
    const e = await createExperiment(spec, {}, null);
    await ticks(e, 2);
    const [source, copy] = e.runs;
    source!.status = 'diverged';
    source!.reason = 'the training loss became NaN at step 16';
    await ticks(e, 2);
    expect(copy!.status).toBe('diverged');
    expect(copy!.reason).toBe('its source, SGD, stopped: the training loss became NaN at step 16');
    expect(copy!.recorder.length).toBe(3);
    e.dispose();

    const first = await createExperiment(spec, {}, null);
    await ticks(first, 5);
    const saved = await first.checkpoint(0);
    first.dispose();
    const resumed = await createExperiment(spec, {}, saved);
    await ticks(resumed, 2);
    expectClose(
      resumed.runs[1]!.weights(),
      rescaleReluLayers(resumed.model.layout, resumed.runs[0]!.weights(), 1, 5),
    );
    resumed.dispose();
  });
});

describeEachBackend('a hyperplane run', () => {
  const planeSpec: ExperimentSpec = {
    ...spec,
    model: { kind: 'mlp', hidden: [8], activation: 'tanh', initScale: 1 },
    runs: [{ ...sgd, id: 'plane', label: 'in 6-d', hyperplane: 6 }, sgd],
    analysis: { ...spec.analysis, spectrum: 'off', flatness: null },
  };

  it('moves only within θ₀ + span(M) and lowers the loss', async () => {
    const e = await createExperiment(planeSpec, {}, null);
    await ticks(e, 40);
    const run = e.runs[0]!;
    const D = e.model.paramCount;
    const plane = randomHyperplane(D, 6, { seed: planeSpec.seed, stream: 'hyperplane' });
    const offset = Float64Array.from(run.weights(), (w, i) => w - e.init[i]!);
    const back = plane.embed(plane.project(offset));
    const norm = Math.hypot(...offset);
    expect(norm).toBeGreaterThan(0.05);
    expect(Math.hypot(...offset.map((x, i) => x - back[i]!)) / norm).toBeLessThan(1e-5);
    const loss = column(e, 0, 'trainLoss');
    expect(loss[loss.length - 1]!).toBeLessThan(0.8 * loss[0]!);
    e.dispose();
  });

  it('resumes bit for bit, and a hyperplane larger than the model fails alone, with its reason', async () => {
    const straight = await createExperiment(planeSpec, {}, null);
    await ticks(straight, 8);
    const expected = column(straight, 0, 'trainLoss').slice(-4);
    straight.dispose();
    const first = await createExperiment(planeSpec, {}, null);
    await ticks(first, 4);
    const saved = await first.checkpoint(0);
    first.dispose();
    const resumed = await createExperiment(planeSpec, {}, saved);
    await ticks(resumed, 4);
    expect(column(resumed, 0, 'trainLoss').slice(-4)).toEqual(expected);
    resumed.dispose();

    const tensors = tf.memory().numTensors;
    const huge = await createExperiment(
      { ...planeSpec, runs: [{ ...planeSpec.runs[0]!, hyperplane: 1000 }, sgd] },
      {},
      null,
    );
    await ticks(huge, 3);
    expect(huge.runs[0]!.status).toBe('failed');
    expect(huge.runs[0]!.reason).toContain('1000-dimensional hyperplane');
    expect(huge.runs[1]!.status).toBe('running');
    expect(huge.runs[1]!.steps).toBeGreaterThan(0);
    huge.dispose();
    expect(tf.memory().numTensors).toBe(tensors);
  });
});
