import { describe, expect, it } from 'vitest';
import type { FromWorker } from '../../protocol/messages';
import { JobRunner } from './jobRunner';

function runner() {
  const messages: FromWorker[] = [];
  let clock = 0;
  const jobs = new JobRunner(
    (m) => messages.push(m),
    () => new Promise((resolve) => setImmediate(resolve)),
    () => (clock += 50),
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
});
