import { describe, expect, it } from 'vitest';
import type { AnalysisUpdate } from '../protocol/analysis';
import { bowlSlice, exactSpectrum, flatness } from '../views/charts/analysisFixtures.node';
import { emptyAnalysis, foldAnalysis } from './analysisState';

const none: AnalysisUpdate = {
  spectra: [],
  flatness: [],
  slice: null,
  localSlices: [],
  interpolation: null,
};

describe('foldAnalysis', () => {
  it('replaces results of the same run and keeps the others', () => {
    const first = foldAnalysis(emptyAnalysis(), {
      ...none,
      spectra: [exactSpectrum('sgd', 10, [3]), exactSpectrum('esgd', 10, [])],
    });
    const newer = exactSpectrum('sgd', 10, [5, 6]);
    const second = foldAnalysis(first, { ...none, spectra: [newer] });
    expect(second.spectra.sgd).toBe(newer);
    expect(second.spectra.esgd).toBe(first.spectra.esgd);
    expect(Object.keys(second.spectra).sort()).toEqual(['esgd', 'sgd']);
  });

  it('keeps a history of each run’s spectrum scalars, a re-analysis replacing its step', () => {
    const at = (step: number, lambdaMax: number) => ({
      ...exactSpectrum('sgd', 4, []),
      step,
      lambdaMax,
    });
    let state = emptyAnalysis();
    for (const [step, l] of [
      [10, 1],
      [20, 2],
      [20, 2.5],
      [30, 3],
    ] as const) {
      state = foldAnalysis(state, { ...none, spectra: [at(step, l)] });
    }
    expect(state.spectrumHistory.sgd?.map((p) => [p.step, p.lambdaMax])).toEqual([
      [10, 1],
      [20, 2.5],
      [30, 3],
    ]);
    expect(foldAnalysis(state, none).spectrumHistory).toBe(state.spectrumHistory);
  });

  it('keeps the identity of every kind an update does not carry', () => {
    const slice = bowlSlice();
    const state = foldAnalysis(emptyAnalysis(), {
      ...none,
      slice,
      localSlices: [slice],
      flatness: [flatness('sgd')],
    });
    const next = foldAnalysis(state, { ...none, spectra: [exactSpectrum('sgd', 4, [])] });
    expect(next.slice).toBe(state.slice);
    expect(next.localSlices).toBe(state.localSlices);
    expect(next.flatness).toBe(state.flatness);
    expect(next.spectra).not.toBe(state.spectra);
  });

  it('an empty update changes nothing a selector could see', () => {
    const state = foldAnalysis(emptyAnalysis(), { ...none, slice: bowlSlice() });
    const next = foldAnalysis(state, none);
    for (const key of Object.keys(state) as (keyof typeof state)[]) {
      expect(next[key]).toBe(state[key]);
    }
  });
});

describe('analysis ticks', () => {
  it('record the tick each kind of analysis was taken at', () => {
    const none = { spectra: [], flatness: [], slice: null, localSlices: [], interpolation: null };
    const state = foldAnalysis(emptyAnalysis(), { ...none, slice: bowlSlice() }, 40);
    expect(state.ticks).toEqual({ spectrum: null, slice: 40, flatness: null });
    const later = foldAnalysis(state, none, 80);
    expect(later.ticks).toBe(state.ticks);
  });
});
