import { describe, expect, it } from 'vitest';
import type { FromWorker } from '../../protocol/messages';
import type { DataSources } from '../../core/data/makeDataset';
import { makeDataset } from '../../core/data/makeDataset';
import { makeModel } from '../../core/models/makeModel';
import { createRng } from '../../core/random';
import { ensureMnistBin } from '../../data-build/mnist';
import { useBackend } from '../../testing/backends.node';
import { JobRunner } from './jobRunner';

function runner(sources: DataSources = {}) {
  const messages: FromWorker[] = [];
  let clock = 0;
  const jobs = new JobRunner(
    (m) => messages.push(m),
    () => new Promise((resolve) => setImmediate(resolve)),
    () => (clock += 50),
    () => sources,
  );
  const settled = async (id: number) => {
    for (let i = 0; i < 100_000; i++) {
      const end = messages.find(
        (m) => (m.type === 'jobResult' || m.type === 'jobError') && m.id === id,
      );
      if (end) return end;
      await new Promise((resolve) => setImmediate(resolve));
    }
    throw new Error(`job ${id} never settled`);
  };
  return { jobs, messages, settled };
}

describe('JobRunner', () => {
  it('runs the simple model: C outliers, confinement near 1, with progress', async () => {
    const { jobs, messages, settled } = runner();
    jobs.handle({
      type: 'job',
      id: 1,
      job: {
        kind: 'simpleModel',
        classes: 3,
        dim: 60,
        samples: 300,
        clusterStrength: 3,
        logitScale: 2,
        seed: 1,
      },
    });
    const end = await settled(1);
    expect(end.type).toBe('jobResult');
    if (end.type !== 'jobResult' || end.result.kind !== 'simpleModel') return;
    expect(end.result.outliers).toBe(3);
    expect(end.result.confinement).toBeGreaterThan(0.9);
    expect(end.result.eigenvalues).toHaveLength(60);
    expect(end.result.sweep.lambdaMax.length).toBe(end.result.sweep.scales.length);
    expect(messages.some((m) => m.type === 'jobProgress')).toBe(true);
  });

  it('cancels a running job and goes on with the next', async () => {
    const { jobs, settled } = runner();
    jobs.handle({
      type: 'job',
      id: 7,
      job: {
        kind: 'binary',
        inputs: 201,
        hidden: 1,
        tree: false,
        alpha: 0.5,
        solvers: ['focusingBP', 'annealing'],
        sweeps: 500,
        distances: [0.01, 0.02],
        samples: 50,
        seed: 3,
      },
    });
    jobs.handle({ type: 'cancelJob', id: 7 });
    const end = await settled(7);
    expect(end).toMatchObject({ type: 'jobError', cancelled: true });
    jobs.handle({
      type: 'job',
      id: 8,
      job: {
        kind: 'binary',
        inputs: 101,
        hidden: 1,
        tree: false,
        alpha: 0.3,
        solvers: ['clippedPerceptron'],
        sweeps: 300,
        distances: [0.01],
        samples: 20,
        seed: 3,
      },
    });
    const next = await settled(8);
    expect(next.type).toBe('jobResult');
    if (next.type !== 'jobResult' || next.result.kind !== 'binary') return;
    expect(next.result.results[0]?.solver).toBe('clippedPerceptron');
    expect(next.result.results[0]?.fraction).toHaveLength(1);
  });

  it("gives jobs on the experiment's weights its MNIST digits (Φ(γ) of an MNIST network)", async () => {
    await useBackend('cpu');
    const mnist = ensureMnistBin();
    const dataset = { kind: 'mnist', train: 100, test: 100, downsample: true } as const;
    const model = { kind: 'mlp', hidden: [4], activation: 'relu', initScale: 1 } as const;
    const net = makeModel(model, makeDataset(dataset, 1, { mnist }));
    const job = {
      kind: 'freeEntropy',
      dataset,
      model,
      loss: { kind: 'crossEntropy' },
      runs: [{ id: 'sgd', weights: net.init(createRng(1, 'init')) }],
      radii: [0.01, 0.1],
      steps: 5,
      seed: 1,
    } as const;
    // Without the files the job says what it lacks; with them it measures.
    const bare = runner();
    bare.jobs.handle({ type: 'job', id: 1, job });
    const failed = await bare.settled(1);
    expect(failed.type).toBe('jobError');
    const { jobs, settled } = runner({ mnist });
    jobs.handle({ type: 'job', id: 2, job });
    const done = await settled(2);
    if (done.type !== 'jobResult' || done.result.kind !== 'freeEntropy') throw new Error('no Φ');
    expect(done.result.runs[0]!.excess).toHaveLength(2);
    expect(Number.isFinite(done.result.runs[0]!.excess[1])).toBe(true);
  });
});
