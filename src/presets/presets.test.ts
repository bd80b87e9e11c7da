import { describe, expect, it } from 'vitest';
import { defaultExperimentSpec } from '../protocol/defaultExperiment';
import type { ExperimentSpec } from '../protocol/experimentSpec';
import { EXPORT_FORMAT, type ExportDocument, type ExportedRun } from '../protocol/exportFormat';
import { inputDimOf, labelKindOf, validateSpec } from '../protocol/validateSpec';
import { PRESETS, findPreset } from '.';

/** D of the presets' models (MLP: layer by layer; perceptron: N). */
function paramCount(spec: ExperimentSpec): number {
  const n = inputDimOf(spec.dataset);
  const out =
    labelKindOf(spec.dataset) === 'sign'
      ? 1
      : spec.dataset.kind === 'mnist'
        ? 10
        : 'classes' in spec.dataset
          ? spec.dataset.classes
          : 2;
  switch (spec.model.kind) {
    case 'mlp': {
      const widths = [n, ...spec.model.hidden, out];
      return widths.slice(1).reduce((d, w, i) => d + (widths[i] ?? 0) * w + w, 0);
    }
    case 'softmaxRegression':
      return n * out + out;
    case 'perceptron':
      return n;
    case 'committee':
      return spec.model.tree ? n : n * spec.model.hidden;
  }
}

describe('the presets', () => {
  it('are valid specs with unique ids and short run ids', () => {
    const ids = new Set<string>();
    for (const preset of PRESETS) {
      expect(validateSpec(preset.spec), preset.id).toEqual([]);
      expect(ids.has(preset.id)).toBe(false);
      ids.add(preset.id);
      expect(preset.id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(findPreset(preset.id)).toBe(preset);
      for (const run of preset.spec.runs) expect(run.id.length).toBeLessThanOrEqual(6);
      expect(preset.explanation.length).toBeGreaterThan(100);
      expect(preset.whatToLookAt.length).toBeGreaterThan(0);
      expect(preset.narrative.length).toBeGreaterThan(0);
    }
  });

  it('cover every phenomenon of SCIENCE.md §6', () => {
    const covered = PRESETS.map((p) => p.phenomenon).join(' ');
    for (const section of ['§6.1', '§6.2', '§6.3', '§6.4', '§6.5', '§6.6', '§6.7', '§6.8']) {
      expect(covered).toContain(section);
    }
    expect(PRESETS.some((p) => p.spec.dataset.kind === 'mnist')).toBe(true);
  });

  it('stay browser-sized: exact spectra only up to D = 2,000', () => {
    for (const preset of PRESETS) {
      const d = paramCount(preset.spec);
      if (preset.spec.analysis.spectrum === 'exact' || preset.spec.analysis.spectrum === 'auto') {
        expect(d, preset.id).toBeLessThanOrEqual(2000);
      }
      expect(d, preset.id).toBeLessThanOrEqual(5000);
    }
  });

  it('the default page is the race, with a run called sgd', () => {
    const spec = defaultExperimentSpec();
    expect(spec.runs.map((r) => r.id)).toEqual(['sgd', 'esgd']);
    expect(findPreset('race')?.spec).toEqual(spec);
  });

  it('checks fail, saying what is missing, on an export without analyses', () => {
    for (const preset of PRESETS) {
      const result = preset.check(emptyExport(preset.spec));
      expect(result.ok, preset.id).toBe(false);
      expect(result.detail.length).toBeGreaterThan(10);
    }
  });

  it('the outliers check counts against C and the gap', () => {
    const preset = findPreset('outliers')!;
    const bulk = Array.from({ length: 336 }, (_, i) => (i - 100) * 1e-3);
    const good = withSpectrum(preset.spec, 'sgd', [...bulk, 2, 3, 5, 8], 3);
    expect(preset.check(good).ok).toBe(true);
    const noGap = withSpectrum(preset.spec, 'sgd', [...bulk, 0.3, 0.3, 0.3, 0.4], 4);
    expect(preset.check(noGap).ok).toBe(false);
  });

  it('the transient check wants a hump in λmax', () => {
    const preset = findPreset('transient')!;
    const doc = (lams: number[]) => {
      const d = emptyExport(preset.spec);
      const run = d.runs[0]!;
      return {
        ...d,
        runs: [
          {
            ...run,
            analyses: lams.map((lambdaMax, i) => ({
              step: i,
              gradEvals: i,
              lambdaMax,
              trace: 0,
              traceError: 0,
              frobenius: 1,
              confinement: 0,
              outliers: 0,
            })),
          },
        ],
      };
    };
    expect(preset.check(doc([1, 2, 5, 4, 2])).ok).toBe(true);
    expect(preset.check(doc([1, 2, 3, 4, 5])).ok).toBe(false);
    expect(preset.check(doc([1, 1.5, 1.2])).ok).toBe(false);
  });

  it('the goldilocks check wants a high Tr(H)/‖H‖_F at step 0 and a hyperplane run that trains', () => {
    const preset = findPreset('goldilocks')!;
    const doc = (trace: number, planeError: number): ExportDocument => {
      const d = emptyExport(preset.spec);
      const entry = { step: 0, gradEvals: 0, lambdaMax: 1, trace, traceError: 0 };
      const rest = { frobenius: 10, confinement: 0, outliers: 0 };
      return {
        ...d,
        model: { paramCount: 400, layout: [] },
        runs: d.runs.map((r) =>
          r.id === 'sgd'
            ? { ...r, analyses: [{ ...entry, ...rest }] }
            : { ...r, series: { ...r.series, trainError: [0.7, planeError] } },
        ),
      };
    };
    // Tr/‖H‖_F/√D = trace / 10 / 20.
    expect(preset.check(doc(16, 0.1)).ok).toBe(true);
    expect(preset.check(doc(4, 0.1)).ok).toBe(false);
    expect(preset.check(doc(16, 0.4)).ok).toBe(false);
  });

  it('the rescaling check wants the same loss and δE and a larger λmax for the copy', () => {
    const preset = findPreset('rescaling')!;
    const doc = (lossCopy: number, energyCopy: number, lambdaCopy: number): ExportDocument => {
      const d = emptyExport(preset.spec);
      const flat = (energy: number) => ({
        runId: '',
        step: 1,
        sigmas: Float64Array.of(0.1),
        energyError: Float64Array.of(0),
        energyErrorSpread: Float64Array.of(0),
        energyLoss: Float64Array.of(energy),
        energyLossSpread: Float64Array.of(0),
        radii: Float64Array.of(0.1),
        shellFraction: Float64Array.of(1),
      });
      const spectrum = withSpectrum(preset.spec, 'sgd', [0, 1], 0).runs[0]!.final.spectrum!;
      const runs = d.runs.map((r, i) => ({
        ...r,
        series: { ...r.series, trainLoss: [1, i === 0 ? 0.01 : lossCopy] },
        final: {
          ...r.final,
          flatness: flat(i === 0 ? 0.005 : energyCopy),
          spectrum: { ...spectrum, lambdaMax: i === 0 ? 0.1 : lambdaCopy },
        },
      }));
      return { ...d, runs };
    };
    expect(preset.check(doc(0.01, 0.005, 0.5)).ok).toBe(true);
    expect(preset.check(doc(0.012, 0.005, 0.5)).ok).toBe(false);
    expect(preset.check(doc(0.01, 0.006, 0.5)).ok).toBe(false);
    expect(preset.check(doc(0.01, 0.005, 0.15)).ok).toBe(false);
  });

  it('the perceptron and norm checks want two solutions and one shell curve above the other', () => {
    const radii = [0.01, 0.02, 0.05, 0.1, 0.2];
    const wide = [1, 1, 1, 0.9, 0.1];
    const narrow = [1, 0.9, 0.2, 0, 0];
    for (const [id, flat, sharp] of [
      ['perceptron', 'ce', 'hinge'],
      ['norm', 'slow', 'fast'],
    ] as const) {
      const preset = findPreset(id)!;
      const doc = (errors: [number, number], curves: [number[], number[]]) =>
        withShells(preset.spec, radii, {
          [flat]: [errors[0], curves[0]],
          [sharp]: [errors[1], curves[1]],
        });
      const good = preset.check(doc([0, 0], [wide, narrow]));
      expect(good, id).toMatchObject({ ok: true, flat, sharp });
      expect(good.detail).toContain('0.9');
      // A run that does not solve the training set fails the check, whatever its shells.
      for (const errors of [
        [0.01, 0],
        [0, 0.005],
      ] as [number, number][]) {
        const unsolved = preset.check(doc(errors, [wide, narrow]));
        expect(unsolved.ok, `${id} ${errors.join(', ')}`).toBe(false);
        expect(unsolved.detail).toMatch(/did not solve/);
      }
      // The sharp run's curve above the flat one's names it the flat one.
      expect(preset.check(doc([0, 0], [narrow, wide]))).toMatchObject({
        ok: false,
        flat: sharp,
        sharp: flat,
      });
      // Curves that cross, or coincide, decide nothing.
      const crossing = preset.check(doc([0, 0], [wide, [1, 1, 1, 0.95, 0]]));
      expect(crossing.ok).toBe(false);
      expect(crossing.flat).toBeUndefined();
      expect(preset.check(doc([0, 0], [wide, wide])).ok).toBe(false);
    }
  });

  it('the flat-vs-test check wants δE(0.1) rank-correlated with the test error', () => {
    const preset = findPreset('flat-vs-test')!;
    expect(preset.panels).toEqual(['scatter']);
    expect(preset.spec.runs.length).toBeGreaterThanOrEqual(5);
    // Every run is charged the same gradients per tick: one budget for all.
    const doc = (energies: number[], tests: number[]): ExportDocument => {
      const d = emptyExport(preset.spec);
      return {
        ...d,
        runs: d.runs.map((r, i) => ({
          ...r,
          series: { ...r.series, trainLoss: [0.7, 0.4], testError: [0.5, tests[i] ?? Number.NaN] },
          final: {
            ...r.final,
            flatness: {
              runId: r.id,
              step: 1,
              sigmas: Float64Array.of(0.03, 0.1, 0.3),
              energyError: Float64Array.of(0, 0, 0),
              energyErrorSpread: Float64Array.of(0, 0, 0),
              energyLoss: Float64Array.of(0, energies[i] ?? Number.NaN, 9),
              energyLossSpread: Float64Array.of(0, 0, 0),
              radii: Float64Array.of(0.1),
              shellFraction: Float64Array.of(1),
            },
          },
        })),
      };
    };
    const energies = [0.05, 0.3, 0.6, 0.06, 0.07, 0.5];
    // The same order: ρ = τ_b = 1; the per-run numbers are in the detail.
    const same = preset.check(doc(energies, [0.09, 0.15, 0.18, 0.1, 0.11, 0.16]));
    expect(same.ok).toBe(true);
    expect(same.detail).toMatch(/Spearman ρ = 1, Kendall τ_b = 1, n = 6/);
    expect(same.detail).toContain('gd δE 0.6, test 0.18, train loss 0.4');
    // Reversed: ρ = −1.
    const reversed = preset.check(doc(energies, [0.18, 0.11, 0.09, 0.16, 0.15, 0.1]));
    expect(reversed.ok).toBe(false);
    expect(reversed.detail).toMatch(/Spearman ρ = -1, Kendall τ_b = -1, n = 6/);
    // Unrelated (ρ = 3/35 ≈ 0.09): below the claim's threshold.
    const unrelated = preset.check(doc(energies, [0.1, 0.09, 0.16, 0.18, 0.15, 0.11]));
    expect(unrelated.ok).toBe(false);
    expect(unrelated.detail).toMatch(/Spearman ρ = 0.0857/);
    // A run without its flatness (or its test error) leaves the verdict missing, not computed.
    const partial = doc([...energies.slice(0, 5), Number.NaN], [0.09, 0.15, 0.18, 0.1, 0.11, 0.16]);
    const missing = preset.check(partial);
    expect(missing.ok).toBe(false);
    expect(missing.detail).toMatch(/no δE\(0.1\) and a test error for every run/);
    const full = doc(energies, [0.09, 0.15, 0.18, 0.1, 0.11, 0.16]);
    const noTest = preset.check({
      ...full,
      runs: full.runs.map((r, i) =>
        i === 5 ? { ...r, series: { ...r.series, testError: [] } } : r,
      ),
    });
    expect(noTest.ok).toBe(false);
    expect(noTest.detail).toMatch(/no δE/);
  });
});

/** An export whose runs end at the given train error with the given shell fractions. */
function withShells(
  spec: ExperimentSpec,
  radii: number[],
  runs: Record<string, [number, number[]]>,
): ExportDocument {
  const doc = emptyExport(spec);
  return {
    ...doc,
    runs: doc.runs.map((r) => {
      const [error, fraction] = runs[r.id] ?? [Number.NaN, []];
      return {
        ...r,
        series: { ...r.series, trainError: [0.5, error] },
        final: {
          ...r.final,
          flatness: {
            runId: r.id,
            step: 1,
            sigmas: Float64Array.of(0.1),
            energyError: Float64Array.of(0),
            energyErrorSpread: Float64Array.of(0),
            energyLoss: Float64Array.of(0),
            energyLossSpread: Float64Array.of(0),
            radii: Float64Array.from(radii),
            shellFraction: Float64Array.from(fraction),
          },
        },
      };
    }),
  };
}

function emptyExport(spec: ExperimentSpec): ExportDocument {
  const nan = new Float64Array([Number.NaN]);
  const runs: ExportedRun[] = spec.runs.map((r) => ({
    id: r.id,
    label: r.label,
    status: 'running',
    reason: null,
    steps: 0,
    gradEvals: 0,
    series: {
      step: [0],
      gradEvals: [0],
      trainLoss: [1],
      trainError: [0.5],
      testLoss: [1],
      testError: [0.5],
      weightNorm: [1],
    },
    final: { weights: nan, spectrum: null, flatness: null },
    analyses: [],
  }));
  return {
    format: EXPORT_FORMAT,
    createdBy: 'test',
    spec,
    backend: 'cpu',
    model: { paramCount: 0, layout: [] },
    dataset: {
      name: 'test',
      inputDim: 2,
      classes: 'classes' in spec.dataset ? spec.dataset.classes : 2,
      labelKind: 'class',
      train: null,
      test: null,
    },
    runs,
    slice: null,
    localSlices: [],
  };
}

function withSpectrum(
  spec: ExperimentSpec,
  runId: string,
  eigenvalues: number[],
  outliers: number,
): ExportDocument {
  const doc = emptyExport(spec);
  const sorted = Float64Array.from(eigenvalues).sort();
  return {
    ...doc,
    runs: doc.runs.map((r) =>
      r.id !== runId
        ? r
        : {
            ...r,
            final: {
              ...r.final,
              spectrum: {
                runId,
                step: 1,
                gradEvals: 1,
                method: 'exact',
                eigenvalues: sorted,
                densityGrid: new Float64Array(0),
                density: new Float64Array(0),
                outliers,
                bulkEdge: 0.3,
                lambdaMax: sorted[sorted.length - 1] ?? 0,
                lambdaMin: sorted[0] ?? 0,
                trace: 0,
                traceError: 0,
                confinement: 0.9,
                confinementK: 4,
                confinementBaseline: 0.01,
              },
            },
          },
    ),
  };
}
