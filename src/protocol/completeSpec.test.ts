import { describe, expect, it } from 'vitest';
import { DEFAULT_FLATNESS, DEFAULT_SLICE } from './specLayout';
import { DATASET_SCHEMA, LOSS_SCHEMA, MODEL_SCHEMA, OPTIMIZER_SCHEMA } from './specSchema';
import { completeAnalysis, completeSpec, type PartialSpec } from './completeSpec';
import { defaultExperimentSpec } from './defaultExperiment';
import { validateSpec } from './validateSpec';

const base = defaultExperimentSpec();

describe('completeSpec', () => {
  it('completes nothing to the default experiment', () => {
    expect(completeSpec({})).toEqual(base);
    expect(validateSpec(completeSpec({}))).toEqual([]);
  });

  it("completes a union from its kind's schema defaults, the given fields over them", () => {
    const spec = completeSpec({
      dataset: { kind: 'moons', train: 300 },
      model: { kind: 'committee', hidden: 3 },
      loss: { kind: 'baldassi' },
      runs: [{ id: 'a', label: 'A', optimizer: { kind: 'sam', rho: 0.2 } }],
    });
    expect(spec.dataset).toEqual({ ...DATASET_SCHEMA.defaults('moons'), train: 300 });
    expect(spec.model).toEqual({ ...MODEL_SCHEMA.defaults('committee'), hidden: 3 });
    expect(spec.loss).toEqual(LOSS_SCHEMA.defaults('baldassi'));
    expect(spec.runs).toEqual([
      {
        id: 'a',
        label: 'A',
        optimizer: { ...OPTIMIZER_SCHEMA.defaults('sam'), rho: 0.2 },
        seedOffset: 0,
      },
    ]);
    // What the partial leaves out is the default experiment's.
    expect([spec.seed, spec.tickGradEvals, spec.budget]).toEqual([
      base.seed,
      base.tickGradEvals,
      base.budget,
    ]);
    expect(spec.analysis).toEqual(base.analysis);
  });

  it("takes a named Entropy-SGD variant's own defaults", () => {
    const [run] = completeSpec({
      runs: [{ id: 'e', label: 'E', optimizer: { kind: 'entropySgd', variant: 'scaled' } }],
    }).runs;
    // The 'scaled' variant's L and γ0 (5, 0.5), not the 'chaudhari2017' defaults' (20, 0.03).
    expect(run?.optimizer).toMatchObject({ variant: 'scaled', L: 5, gamma0: 0.5 });
  });

  it('keeps a run’s seed offset, hyperplane and copy', () => {
    const runs = completeSpec({
      runs: [
        { id: 'a', label: 'A', optimizer: { kind: 'sgd' }, seedOffset: 2, hyperplane: 10 },
        { id: 'b', label: 'B', optimizer: { kind: 'sgd' }, copy: { of: 'a', layer: 1, factor: 5 } },
      ],
    }).runs;
    expect(runs.map((r) => [r.seedOffset, r.hyperplane, r.copy?.factor])).toEqual([
      [2, 10, undefined],
      [0, undefined, 5],
    ]);
  });

  it('completes the analysis over the default experiment’s, slice and flatness field by field', () => {
    const analysis = completeSpec({
      analysis: { every: 10, slice: { resolution: 31 }, flatness: { draws: 8 } },
    }).analysis;
    expect(analysis).toEqual({
      ...base.analysis,
      every: 10,
      slice: { ...base.analysis.slice, resolution: 31 },
      flatness: { ...base.analysis.flatness, draws: 8 },
    });
    expect(completeSpec({ analysis: { slice: null, flatness: null } }).analysis).toMatchObject({
      slice: null,
      flatness: null,
    });
    // Over an analysis with both off, a partial slice or flatness starts from the schema's.
    const off = { ...base.analysis, slice: null, flatness: null };
    expect(completeAnalysis({ slice: { extent: 2 }, flatness: { draws: 4 } }, off)).toMatchObject({
      slice: { ...DEFAULT_SLICE, extent: 2 },
      flatness: { ...DEFAULT_FLATNESS, draws: 4 },
    });
  });

  it('does not compile with a misspelt field or a field of another kind', () => {
    const typos: PartialSpec[] = [
      // @ts-expect-error: SGD has no `lrr`.
      { runs: [{ id: 'a', label: 'A', optimizer: { kind: 'sgd', lrr: 0.1 } }] },
      // @ts-expect-error: `rho` is SAM's, not SGD's.
      { runs: [{ id: 'a', label: 'A', optimizer: { kind: 'sgd', rho: 0.1 } }] },
      // @ts-expect-error: moons have no label noise.
      { dataset: { kind: 'moons', labelNoise: 0.1 } },
      // @ts-expect-error: no such kind.
      { model: { kind: 'cnn' } },
      // @ts-expect-error: the slice has no `size`.
      { analysis: { slice: { size: 3 } } },
      // @ts-expect-error: no top-level `seeds`.
      { seeds: 3 },
    ];
    expect(typos).toHaveLength(6);
  });
});
