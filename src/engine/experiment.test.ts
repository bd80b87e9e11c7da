/**
 * An experiment resumed from a checkpoint (a new worker after a crash) continues exactly where
 * the old one stopped: same weights, same minibatches, same noise, same numbers.
 */
import { describe, expect, it } from 'vitest';
import { completeSpec } from '../protocol/completeSpec';
import { describeEachBackend } from '../testing/backends.node';
import {
  createExperiment,
  OPEN_ENDED_FULL_TICKS,
  recordsTick,
  type Experiment,
} from './experiment';

const spec = completeSpec({
  seed: 11,
  dataset: { kind: 'moons', train: 100, test: 50, noise: 0.15 },
  model: { kind: 'mlp', hidden: [6] },
  runs: [
    {
      id: 'sgd',
      label: 'SGD',
      optimizer: { kind: 'sgd', batchSize: 8, momentum: 0.9 },
    },
    {
      id: 'esgd',
      label: 'Entropy-SGD',
      optimizer: { kind: 'entropySgd', L: 3, batchSize: 8, noise: 1e-3 },
    },
  ],
  tickGradEvals: 8,
  budget: 0,
  analysis: { every: 0, spectrum: 'off', slice: null, flatness: null },
});

async function ticks(experiment: Experiment, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    experiment.advance();
    await experiment.measure();
  }
}

function losses(experiment: Experiment): number[][] {
  return experiment.runs.map((run) => Array.from(run.recorder.columns().trainLoss));
}

describeEachBackend('Experiment', () => {
  it('resumes from a checkpoint bit for bit', async () => {
    const straight = await createExperiment(spec, {}, null);
    await ticks(straight, 10);
    const expected = losses(straight).map((l) => l.slice(-5));
    straight.dispose();

    const first = await createExperiment(spec, {}, null);
    await ticks(first, 5);
    const checkpoint = await first.checkpoint(0);
    first.dispose();
    const resumed = await createExperiment(spec, {}, checkpoint);
    expect(resumed.tick).toBe(5);
    await ticks(resumed, 5);
    expect(losses(resumed)).toEqual(expected);
    expect(resumed.runs.map((r) => r.recorder.length)).toEqual([11, 11]);
    resumed.dispose();
  });
});

describe('Experiment runs', () => {
  it('share the initial weights and data but not their minibatches', async () => {
    const experiment = await createExperiment(
      { ...spec, runs: [spec.runs[0]!, { ...spec.runs[0]!, id: 'twin', label: 'twin' }] },
      {},
      null,
    );
    const [a, b] = experiment.runs;
    expect(Array.from(a!.weights())).toEqual(Array.from(b!.weights()));
    await ticks(experiment, 3);
    expect(Array.from(a!.weights())).not.toEqual(Array.from(b!.weights()));
    experiment.dispose();
  });
});

describe('recordsTick', () => {
  it('keeps every tick of the budget, then K points per doubling of the stride', () => {
    const kept = (from: number, to: number, budget: number) => {
      let n = 0;
      for (let t = from; t <= to; t++) if (recordsTick(t, budget)) n++;
      return n;
    };
    expect(kept(1, 600, 600)).toBe(600);
    // Beyond the budget: 1,000 points at stride 1, then 1,000 at stride 2, 1,000 at stride 4 …
    expect(kept(601, 1600, 600)).toBe(1000);
    expect(kept(1601, 3600, 600)).toBe(1000);
    // An hour unpaced (~2 million ticks) stays near 600 + 1,000 · log₂(2,000) ≈ 11,600 points.
    expect(kept(1, 2_000_000, 600)).toBeLessThan(12_500);
    // Open-ended experiments thin after OPEN_ENDED_FULL_TICKS.
    expect(kept(1, OPEN_ENDED_FULL_TICKS, 0)).toBe(OPEN_ENDED_FULL_TICKS);
  });
});
