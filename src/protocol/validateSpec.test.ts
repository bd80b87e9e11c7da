/**
 * `validateSpec`: the zod schema derived from the spec table, and the refinements across fields.
 * Each broken spec gets one sentence that names the field, the rule and the value. (Random valid
 * specs pass: permalink.test.ts; every preset: ../presets/presets.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { defaultExperimentSpec } from './defaultExperiment';
import type { ExperimentSpec } from './experimentSpec';
import { DEFAULT_SLICE } from './specLayout';
import { DATASET_SCHEMA, MODEL_SCHEMA } from './specSchema';
import { optimizerProblems, validateSpec } from './validateSpec';
import { isValidFieldValue } from './zodFromTable';

const base = defaultExperimentSpec();
const run = base.runs[0]!;
const committee = MODEL_SCHEMA.defaults('committee');
/** `base` with some of its parts replaced: the value as parsed JSON would hold it. */
const broken = (patch: Record<string, unknown>): unknown => ({ ...base, ...patch });

describe('validateSpec', () => {
  it('says in one sentence where a value is wrong, what it must be and what it was', () => {
    const cases: [unknown, string][] = [
      [7, 'the spec must be an object (got 7)'],
      [broken({ version: 2 }), 'version must be 1 (got 2)'],
      [broken({ seed: -1 }), 'seed must be ≥ 0 (got -1)'],
      [broken({ seed: 1.5 }), 'seed must be an integer (got 1.5)'],
      [broken({ tickGradEvals: undefined }), 'tickGradEvals is missing'],
      [
        broken({ dataset: { ...DATASET_SCHEMA.defaults('spiral'), train: 60_000 } }),
        'dataset.train must be ≤ 10000 (got 60000)',
      ],
      [broken({ dataset: { kind: 'iris' } }), 'dataset.kind is not a known data set (got "iris")'],
      [broken({ dataset: 5 }), 'dataset must be an object (got 5)'],
      [
        broken({ model: { ...MODEL_SCHEMA.defaults('mlp'), activation: 'sigmoid' } }),
        'model.activation must be one of relu, tanh (got "sigmoid")',
      ],
      [
        broken({ model: { ...MODEL_SCHEMA.defaults('mlp'), hidden: [1, 2, 3, 4, 5, 6, 7] } }),
        'model.hidden must have at most 6 entries (got [1,2,3,4,5,6,7])',
      ],
      [broken({ runs: [] }), 'runs must have at least 1 entry (got [])'],
      [broken({ runs: [run, run] }), `runs[1].id is not unique (got "${run.id}")`],
      [
        broken({ runs: [{ ...run, id: 'seed' }] }),
        'runs[0].id is a word the link reserves (got "seed")',
      ],
      [
        broken({ runs: [{ ...run, id: '1x' }] }),
        'runs[0].id must be a letter, then up to 15 letters, digits, - or _ (got "1x")',
      ],
      [
        broken({ runs: [{ ...run, label: 'a\u0001' }] }),
        'runs[0].label must not hold control characters (got "a\\u0001")',
      ],
      [
        broken({
          runs: [{ ...run, optimizer: { ...run.optimizer, lrSchedule: { kind: 'linear' } } }],
        }),
        'runs[0].optimizer.lrSchedule.kind is not a known learning-rate schedule (got "linear")',
      ],
      [
        broken({
          analysis: { ...base.analysis, slice: { ...DEFAULT_SLICE, plane: 'x' } },
        }),
        'analysis.slice.plane must be one of threePoints, random, hessian, pca (got "x")',
      ],
    ];
    for (const [spec, sentence] of cases) expect(validateSpec(spec)).toEqual([sentence]);
  });

  it('applies the rules across fields once every field is sound', () => {
    const signData = DATASET_SCHEMA.defaults('randomPatterns');
    expect(validateSpec(broken({ dataset: signData }))).toEqual([
      'cross-entropy needs class labels; randomPatterns has ±1 labels',
    ]);
    const tree = { ...committee, tree: true, hidden: 5 };
    expect(
      validateSpec(
        broken({ dataset: { ...signData, n: 201 }, model: tree, loss: { kind: 'mse' } }),
      ),
    ).toEqual(['a tree committee needs K = 5 to divide N = 201']);
    // An even K is the field's own rule, said of the field.
    expect(validateSpec(broken({ model: { ...committee, hidden: 4 } }))).toEqual([
      'model.hidden must be odd (got 4)',
    ]);
    // A field out of range: the rules across fields wait (they would judge a value never kept).
    expect(validateSpec(broken({ dataset: { ...signData, alpha: 99 }, seed: -1 })).length).toBe(2);
    const copy: ExperimentSpec = {
      ...base,
      model: { kind: 'mlp', hidden: [8], activation: 'tanh', initScale: 1 },
      runs: [run, { ...run, id: 'copy', copy: { of: run.id, layer: 1, factor: 5 } }],
    };
    expect(validateSpec(copy)).toEqual([
      'run copy: rescaling keeps the function of ReLU MLPs only',
    ]);
  });

  it('reports each optimizer stability condition after its place', () => {
    expect(optimizerProblems({ kind: 'entropySgd' }, 'x')).toContain('x.variant is missing');
    const sound = base.runs.find((r) => r.optimizer.kind === 'entropySgd')!.optimizer;
    expect(optimizerProblems({ ...sound, gamma0: 1e4, gammaMax: 1e5 }, 'esgd')).toEqual([
      "esgd: η'γ must stay < 1 or the inner loop diverges: η'γ0 = 5000",
    ]);
    const problems = validateSpec(
      broken({ runs: [{ ...run, optimizer: { ...sound, gamma0: 1e4, gammaMax: 1e5 } }] }),
    );
    expect(problems).toEqual([
      "runs[0].optimizer: η'γ must stay < 1 or the inner loop diverges: η'γ0 = 5000",
    ]);
  });

  it('holds a field to exactly its range: what the editor commits', () => {
    const spiral = DATASET_SCHEMA.fields('spiral');
    const train = spiral.find((f) => f.prop === 'train')!;
    expect(isValidFieldValue(train, 10_000)).toBe(true);
    expect(isValidFieldValue(train, 10_001)).toBe(false);
    expect(isValidFieldValue(train, 99.5)).toBe(false);
    expect(isValidFieldValue(train, undefined)).toBe(false);
    const k = MODEL_SCHEMA.fields('committee').find((f) => f.prop === 'hidden')!;
    expect([3, 4, 5].map((x) => isValidFieldValue(k, x))).toEqual([true, false, true]);
  });
});
