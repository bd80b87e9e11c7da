/**
 * `flatland/1`'s validator and its published JSON Schema: the tracked file is what the code
 * generates; a real export (the engine's headless path, written as the page writes it) passes
 * both zod and the JSON Schema (ajv, draft-07); broken documents fail both, each problem said in
 * a sentence that names its place.
 */
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { completeSpec } from '../protocol/completeSpec';
import { startNodeBackend } from './nodeBackend';
import { runHeadless } from './runHeadless';
import { EXPORT_SCHEMA_PATH } from '../data-build/jsonSchema';
import type { ExperimentSpec } from '../protocol/experimentSpec';
import { exportToJson } from '../protocol/exportJson';
import { exportJsonSchema, validateExportDocument } from '../protocol/validateExport';

const spec: ExperimentSpec = completeSpec({
  seed: 3,
  dataset: { kind: 'moons', train: 40, test: 40, noise: 0.2 },
  model: { kind: 'mlp', hidden: [4] },
  runs: [
    { id: 'sgd', label: 'SGD', optimizer: { kind: 'sgd' } },
    { id: 'adam', label: 'Adam', optimizer: { kind: 'adam' }, seedOffset: 1 },
  ],
  tickGradEvals: 4,
  budget: 5,
  analysis: {
    every: 0,
    wait: true,
    spectrum: 'exact',
    slice: { plane: 'random', resolution: 5 },
    flatness: { sigmas: [0.1], radii: [0.1], draws: 2, tolerance: 0 },
  },
});

type Doc = Record<string, unknown> & {
  model: { paramCount: number; layout: { offset: number; size: number }[] };
  runs: { series: Record<string, unknown[]>; final: { weights: unknown[] } }[];
  spec: ExperimentSpec;
};

const tracked = JSON.parse(readFileSync(EXPORT_SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
const jsonSchema = new Ajv({ allErrors: true }).compile(tracked);
let exported: Doc;

beforeAll(async () => {
  await startNodeBackend('cpu');
  const doc = await runHeadless(spec, { until: { ticks: 5 }, sources: {} });
  exported = JSON.parse(exportToJson(doc)) as Doc;
});

/** A deep copy of the real export with `change` applied. */
function edited(change: (doc: Doc) => void): Doc {
  const doc = structuredClone(exported);
  change(doc);
  return doc;
}

describe('the flatland/1 JSON Schema', () => {
  it('is the tracked public/schema/flatland-1.schema.json (run `npm run schema` if not)', () => {
    expect(tracked).toEqual(exportJsonSchema());
  });

  it('a real export passes zod and the JSON Schema', () => {
    expect(exported.runs).toHaveLength(2);
    expect(exported.slice).not.toBeNull();
    expect(validateExportDocument(exported)).toEqual([]);
    expect(jsonSchema(exported), JSON.stringify(jsonSchema.errors)).toBe(true);
  });

  it('rejects what the schema expresses, in zod and in the JSON Schema', () => {
    const cases: [Doc, string][] = [
      [edited((d) => (d.format = 'flatland/2')), 'format must be "flatland/1" (got "flatland/2")'],
      [
        edited((d) => (d.backend = 'tpu')),
        'backend must be one of webgpu, webgl, wasm, cpu (got "tpu")',
      ],
      [edited((d) => (d.spec = { ...d.spec, seed: -1 })), 'spec.seed must be ≥ 0 (got -1)'],
      [
        edited((d) => (d.runs[0]!.series.trainLoss![0] = 'NaN')),
        'runs[0].series.trainLoss[0] must be a number (got "NaN")',
      ],
      [edited((d) => (d.runs = [])), 'runs must have at least 1 entry (got [])'],
    ];
    for (const [doc, sentence] of cases) {
      expect(validateExportDocument(doc)).toEqual([sentence]);
      expect(jsonSchema(doc), sentence).toBe(false);
    }
  });

  it('checks with refinements what ties one part to another', () => {
    const cases: [Doc, string][] = [
      [
        edited((d) => (d.model.layout[1]!.offset += 1)),
        'model.layout: blocks must be contiguous, in order',
      ],
      [
        edited((d) => (d.model.layout.at(-1)!.size += 1)),
        `model: layout covers ${exported.model.paramCount + 1} of ${exported.model.paramCount} parameters`,
      ],
      [
        edited((d) => d.runs[1]!.final.weights.pop()),
        `runs[1].final: ${exported.model.paramCount - 1} weights, not paramCount = ${exported.model.paramCount}`,
      ],
      [
        edited((d) => d.runs[0]!.series.step!.push(99)),
        'runs[0].series: columns must be of one length',
      ],
      [
        edited(
          (d) => (d.spec = { ...d.spec, loss: { kind: 'baldassi', gamma: 5 } } as ExperimentSpec),
        ),
        "spec: Baldassi's loss needs ±1 labels; moons has class labels",
      ],
    ];
    for (const [doc, sentence] of cases) expect(validateExportDocument(doc)).toEqual([sentence]);
  });
});
