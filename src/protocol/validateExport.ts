/**
 * What a well-formed `flatland/1` document is (exportFormat.ts), as parsed JSON: the contract the
 * CLI and the page's export keep with whoever re-analyses the data. A zod schema — its spec is
 * `EXPERIMENT_SPEC_SCHEMA`, NaN and ±Infinity are null — whose JSON Schema is published
 * (`exportJsonSchema`, public/schema/flatland-1.schema.json), with the sizes that tie one part to
 * another (a layout that covers the parameters, series of one length) as refinements.
 */
import { z } from 'zod';
import { PLANE_KINDS } from './analysis';
import { BACKEND_LADDER } from './backend';
import { EXPORT_FORMAT } from './exportFormat';
import { SERIES_KEYS } from './series';
import { EXPERIMENT_SPEC_SCHEMA } from './validateSpec';
import { zodProblems } from './zodProblems';

const count = z.number().int().min(0);
/** A measured number: null where it was NaN or infinite. */
const measure = z.number().nullable();
/** A typed array, written as a plain array. */
const numbers = z.array(measure);

const SPECTRUM = z
  .object({
    runId: z.string(),
    step: count,
    gradEvals: count,
    method: z.enum(['exact', 'slq']),
    eigenvalues: numbers.describe('Every eigenvalue, ascending (exact), or empty (slq)'),
    densityGrid: numbers,
    density: numbers.describe('The SLQ density on densityGrid (unit area), or empty (exact)'),
    outliers: count,
    bulkEdge: measure,
    lambdaMax: measure,
    lambdaMin: measure,
    trace: measure,
    traceError: measure,
    confinement: measure,
    confinementK: count,
    confinementBaseline: measure,
  })
  .meta({ id: 'SpectrumResult', description: 'A run’s Hessian spectrum at one point' });

const FLATNESS = z
  .object({
    runId: z.string(),
    step: count,
    sigmas: numbers,
    energyError: numbers,
    energyErrorSpread: numbers,
    energyLoss: numbers,
    energyLossSpread: numbers,
    radii: numbers,
    shellFraction: numbers,
  })
  .meta({
    id: 'FlatnessResult',
    description: 'Local energy δE(σ) and shell local entropy of a run at one point',
  });

const SLICE = z
  .object({
    plane: z.enum(PLANE_KINDS),
    anchorRunId: z.string(),
    step: count,
    a: numbers,
    b: numbers,
    loss: numbers.describe(
      'Row-major [b.length × a.length]: loss[j * a.length + i] at (a[i], b[j])',
    ),
    error: numbers,
    trajectories: z.array(
      z.object({ runId: z.string(), a: numbers, b: numbers, offPlane: numbers }),
    ),
  })
  .meta({
    id: 'SliceResult',
    description: 'The loss on a grid of a plane, with the runs’ projected trajectories',
  });

const SPLIT = z
  .object({
    count,
    x: numbers.describe('Row-major [count × inputDim]'),
    y: numbers,
  })
  .nullable();

const RUN = z
  .object({
    id: z.string(),
    label: z.string(),
    status: z.enum(['running', 'diverged', 'failed']),
    reason: z.string().nullable(),
    steps: count,
    gradEvals: count,
    series: z
      .object(Object.fromEntries(SERIES_KEYS.map((key) => [key, numbers.min(1)])))
      .describe('One column per measure, all of one length: a point per lockstep tick'),
    final: z.object({
      weights: numbers.describe(
        'The evaluated point (Replicated-SGD: the centre), as model.layout',
      ),
      spectrum: SPECTRUM.nullable(),
      flatness: FLATNESS.nullable(),
    }),
    analyses: z.array(
      z.object({
        step: count,
        gradEvals: count,
        lambdaMax: measure,
        trace: measure,
        traceError: measure,
        frobenius: measure.describe('‖H‖_F from an exact spectrum; null for an SLQ estimate'),
        confinement: measure,
        outliers: count,
      }),
    ),
  })
  .meta({ id: 'ExportedRun' });

/** A preset's (or a study's) check, as the page shows it and CI asserts it. */
export const VERDICT_SCHEMA = z.object({
  preset: z.string(),
  ok: z.boolean(),
  detail: z.string(),
  flat: z.string().optional(),
  sharp: z.string().optional(),
});

const DOCUMENT = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    createdBy: z.string(),
    spec: EXPERIMENT_SPEC_SCHEMA,
    backend: z.enum(BACKEND_LADDER),
    model: z.object({
      paramCount: count,
      layout: z.array(
        z.object({
          name: z.string(),
          kind: z.enum(['weight', 'bias']),
          shape: z.array(count),
          offset: count,
          size: count,
        }),
      ),
    }),
    dataset: z.object({
      name: z.string(),
      inputDim: count,
      classes: count,
      labelKind: z.enum(['class', 'sign']),
      train: SPLIT,
      test: SPLIT,
    }),
    runs: z.array(RUN).min(1),
    slice: SLICE.nullable(),
    localSlices: z.array(SLICE),
    verdict: VERDICT_SCHEMA.optional(),
  })
  .meta({
    title: EXPORT_FORMAT,
    description:
      'A Flatland experiment: its spec, its data, every run’s series, analyses and final point, and the loss slices. NaN and ±Infinity are null.',
  });

type Doc = z.output<typeof DOCUMENT>;

/** The sizes no schema ties together: the layout, the splits, the series, the final weights. */
function refineSizes(doc: Doc, ctx: z.RefinementCtx): void {
  const say = (path: PropertyKey[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });
  const { paramCount, layout } = doc.model;
  let total = 0;
  const contiguous = layout.every((block) => {
    const next = block.offset === total;
    total += block.size;
    return next;
  });
  if (!contiguous) say(['model', 'layout'], 'blocks must be contiguous, in order');
  else if (total !== paramCount)
    say(['model'], `layout covers ${total} of ${paramCount} parameters`);
  for (const name of ['train', 'test'] as const) {
    const split = doc.dataset[name];
    if (
      split &&
      (split.x.length !== split.count * doc.dataset.inputDim || split.y.length !== split.count)
    ) {
      say(
        ['dataset', name],
        `${split.x.length} inputs and ${split.y.length} labels, not count × inputDim = ${split.count * doc.dataset.inputDim} and count = ${split.count}`,
      );
    }
  }
  doc.runs.forEach((run, i) => {
    const lengths = new Set(Object.values(run.series).map((column) => column.length));
    if (lengths.size > 1) say(['runs', i, 'series'], 'columns must be of one length');
    if (run.final.weights.length !== paramCount) {
      say(
        ['runs', i, 'final'],
        `${run.final.weights.length} weights, not paramCount = ${paramCount}`,
      );
    }
  });
}

/** A `flatland/1` document, with the refinements across its parts. */
export const EXPORT_DOCUMENT_SCHEMA = DOCUMENT.superRefine(refineSizes, {
  when: (payload) => payload.issues.length === 0,
});

/** Every problem found, one sentence each; empty for a valid document. */
export function validateExportDocument(doc: unknown): string[] {
  return zodProblems(EXPORT_DOCUMENT_SCHEMA, doc, 'the document');
}

/**
 * The JSON Schema (draft-07) of `flatland/1`: what zod checks but the refinements (the stability
 * conditions, pairings and sizes across parts), for tools outside (Python's `jsonschema`, ajv).
 * What a document may hold (io: input), so unknown properties are allowed, as zod allows them.
 */
export function exportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(EXPORT_DOCUMENT_SCHEMA, { target: 'draft-07', io: 'input' });
}
