import { describe, expect, it } from 'vitest';
import { defaultExperimentSpec } from '../protocol/defaultExperiment';
import type { ExperimentSpec } from '../protocol/experimentSpec';
import { CATALOG } from '../presets';
import { decodePermalink, encodePermalink } from '../protocol/permalink';
import { repairRunVariants } from '../protocol/runVariants';
import { DEFAULT_SLICE, MAX_RUNS, TICK_FIELD } from '../protocol/specLayout';
import { validateSpec } from '../protocol/validateSpec';
import {
  canAddRun,
  freshRunId,
  patchAnalysis,
  withCopyAdded,
  withDatasetKind,
  withEntropySgdVariant,
  withRunAdded,
  withRunRemoved,
  withRunUpdated,
  withTopField,
} from './specEdits';

/** The default experiment cut to its first run (SGD), whatever else the default holds. */
function oneRun() {
  const spec = defaultExperimentSpec();
  const first = spec.runs[0];
  if (!first || first.id !== 'sgd') throw new Error('the default experiment starts with SGD');
  return { ...spec, runs: [first] };
}

describe('spec edits', () => {
  const base = oneRun();

  it('adds a rescaled copy, moves a run into a hyperplane and back, and drops what cannot run', () => {
    const copied = withCopyAdded(base, 'sgd');
    expect(copied.runs[1]).toMatchObject({
      label: 'SGD ×5',
      copy: { of: 'sgd', layer: 1, factor: 5 },
      optimizer: base.runs[0]?.optimizer,
    });
    expect(validateSpec(copied)).toEqual([]);
    const id = copied.runs[1]!.id;
    const stronger = withRunUpdated(copied, id, { copy: { factor: 10 } });
    expect(stronger.runs[1]?.copy).toEqual({ of: 'sgd', layer: 1, factor: 10 });
    expect(withCopyAdded(copied, id)).toBe(copied);

    const inPlane = withRunUpdated(copied, 'sgd', { hyperplane: 20 });
    expect(inPlane.runs[0]?.hyperplane).toBe(20);
    expect('hyperplane' in withRunUpdated(inPlane, 'sgd', { hyperplane: null }).runs[0]!).toBe(
      false,
    );

    const tanh = repairRunVariants({
      ...copied,
      model: { kind: 'mlp', hidden: [16, 16], activation: 'tanh', initScale: 1 },
    });
    expect(tanh.spec.runs[1]?.copy).toBeUndefined();
    expect(tanh.notes).toEqual([
      `Run ${id}: rescaling keeps the function of ReLU MLPs only; it trains as itself.`,
    ]);
    const orphan = repairRunVariants(withRunRemoved(withRunAdded(copied, 'sam'), 'sgd'));
    expect(orphan.spec.runs.every((r) => !r.copy)).toBe(true);
    expect(validateSpec(orphan.spec)).toEqual([]);
  });

  it('adds runs with unique URL-safe ids and the first run’s batch size', () => {
    const two = withRunAdded(base, 'entropySgd');
    const three = withRunAdded(two, 'entropySgd');
    expect(three.runs.map((r) => r.id)).toEqual(['sgd', 'esgd', 'esgd2']);
    expect(three.runs.map((r) => r.label)).toEqual(['SGD', 'Entropy-SGD', 'Entropy-SGD 2']);
    expect(three.runs[1]?.optimizer.batchSize).toBe(base.runs[0]?.optimizer.batchSize);
    expect(three.runs[1]?.optimizer.kind).toBe('entropySgd');
    expect(freshRunId(withRunAdded(base, 'sgd').runs, 'sgd')).toBe('sgd3');
    expect(base.runs).toHaveLength(1);
  });

  it('never removes the last run', () => {
    expect(withRunRemoved(base, 'sgd')).toBe(base);
    const two = withRunAdded(base, 'sam');
    expect(withRunRemoved(two, 'sgd').runs.map((r) => r.id)).toEqual(['sam']);
    expect(withRunRemoved(two, 'nope')).toBe(two);
  });

  it('patches one run’s hyper-parameters and keeps its optimizer kind', () => {
    const two = withRunAdded(base, 'sam');
    const next = withRunUpdated(two, 'sam', { optimizer: { lr: 0.5 }, label: 'SAM ρ' });
    const sam = next.runs[1];
    expect(sam?.optimizer.lr).toBe(0.5);
    expect(sam?.optimizer.kind).toBe('sam');
    expect(sam?.label).toBe('SAM ρ');
    expect(next.runs[0]).toBe(two.runs[0]);
  });

  it('switches the Entropy-SGD variant to that variant’s defaults, keeping lr and batch', () => {
    const two = withRunUpdated(withRunAdded(base, 'entropySgd'), 'esgd', {
      optimizer: { lr: 0.7 },
    });
    const scaled = withEntropySgdVariant(two, 'esgd', 'scaled').runs[1]?.optimizer;
    expect(scaled?.kind === 'entropySgd' && scaled.variant).toBe('scaled');
    expect(scaled?.kind === 'entropySgd' && scaled.L).toBe(5);
    expect(scaled?.lr).toBe(0.7);
  });

  it('a new data set kind starts from that kind’s defaults', () => {
    const next = withDatasetKind(base, 'gaussianMixture');
    expect(next.dataset.kind).toBe('gaussianMixture');
    expect(withDatasetKind(base, base.dataset.kind)).toBe(base);
  });

  it('rounds and bounds the tick budget', () => {
    expect(withTopField(base, TICK_FIELD, 0).tickGradEvals).toBe(1);
    expect(withTopField(base, TICK_FIELD, 7.4).tickGradEvals).toBe(7);
    expect(withTopField(base, TICK_FIELD, base.tickGradEvals)).toBe(base);
  });
});

describe('patchAnalysis', () => {
  const analysis = defaultExperimentSpec().analysis;

  it('merges slice settings and clamps resolution and extent to the schema’s ranges', () => {
    const next = patchAnalysis(analysis, {
      slice: { plane: 'pca', resolution: 1000.4, extent: -3 },
    });
    // an.res is 5…201 and an.extent 1e-3…1000 (specSchema), as the link clamps them.
    expect(next.slice).toEqual({ plane: 'pca', resolution: 201, extent: 0.001 });
    expect(next.flatness).toBe(analysis.flatness);
  });

  it('switches a slice off and on again with defaults', () => {
    const off = patchAnalysis(analysis, { slice: null });
    expect(off.slice).toBeNull();
    const on = patchAnalysis(off, { slice: { plane: 'hessian' } });
    expect(on.slice).toEqual({ ...DEFAULT_SLICE, plane: 'hessian' });
  });

  it('rounds the cadence and keeps it non-negative', () => {
    expect(patchAnalysis(analysis, { every: -2 }).every).toBe(0);
    expect(patchAnalysis(analysis, { every: 12.6, spectrum: 'slq' })).toMatchObject({
      every: 13,
      spectrum: 'slq',
    });
  });
});

describe('the run limit', () => {
  it('adds runs and copies up to the link’s MAX_RUNS, and every one of them survives the link', () => {
    let spec: ExperimentSpec = oneRun();
    for (let i = 0; i < 20; i++) spec = withRunAdded(spec, i % 2 ? 'sam' : 'sgd');
    expect(spec.runs).toHaveLength(MAX_RUNS);
    expect(canAddRun(spec)).toBe(false);
    expect(withCopyAdded(spec, spec.runs[0]!.id)).toBe(spec);
    expect(validateSpec(spec)).toEqual([]);
    const base = defaultExperimentSpec();
    const back = decodePermalink(
      encodePermalink({ spec, backend: 'auto' }, base, CATALOG),
      base,
      CATALOG,
    );
    expect(back.corrections).toEqual([]);
    expect(back.spec.runs.map((r) => r.id)).toEqual(spec.runs.map((r) => r.id));
  });
});
