import { describe, expect, it } from 'vitest';
import { DEFAULT_BINARY_LAB, binaryJobFor } from './binaryLab';

describe('binaryJobFor', () => {
  it('keeps the defaults as they are', () => {
    const { job, notes } = binaryJobFor(DEFAULT_BINARY_LAB);
    expect(notes).toEqual([]);
    expect(job).toMatchObject({
      kind: 'binary',
      inputs: 201,
      hidden: 1,
      tree: false,
      alpha: 0.4,
      solvers: ['focusingBP', 'clippedPerceptron', 'annealing'],
      sweeps: 400,
      distances: [0.005, 0.01, 0.02, 0.04, 0.08],
      samples: 100,
    });
  });

  it('makes N odd, and K·m with m odd for a tree', () => {
    expect(binaryJobFor({ ...DEFAULT_BINARY_LAB, inputs: 200 }).job.inputs).toBe(201);
    // 400/3 = 133.3 → m = 133: N = 399.
    const tree3 = binaryJobFor({ ...DEFAULT_BINARY_LAB, inputs: 400, hidden: 3, tree: true });
    expect(tree3.job.inputs).toBe(399);
    // 201/5 = 40.2 → m = 41: N = 205.
    expect(binaryJobFor({ ...DEFAULT_BINARY_LAB, hidden: 5, tree: true }).job.inputs).toBe(205);
    expect(binaryJobFor({ ...DEFAULT_BINARY_LAB, inputs: 5000 }).job.inputs).toBe(1001);
    expect(
      binaryJobFor({ ...DEFAULT_BINARY_LAB, inputs: 1001, hidden: 5, tree: true }).job.inputs,
    ).toBe(995);
  });

  it('passes the machine through, committee by default', () => {
    expect(binaryJobFor(DEFAULT_BINARY_LAB).job.machine).toBe('committee');
    const parity = binaryJobFor({
      ...DEFAULT_BINARY_LAB,
      hidden: 3,
      tree: true,
      machine: 'parity',
    });
    expect(parity.job).toMatchObject({ machine: 'parity', hidden: 3, tree: true });
  });

  it('leaves out the clipped perceptron for committees and a tree for K = 1', () => {
    const { job, notes } = binaryJobFor({ ...DEFAULT_BINARY_LAB, hidden: 3, tree: false });
    expect(job.solvers).toEqual(['focusingBP', 'annealing']);
    expect(notes.join()).toMatch(/clipped perceptron/);
    expect(binaryJobFor({ ...DEFAULT_BINARY_LAB, tree: true }).job.tree).toBe(false);
  });
});
