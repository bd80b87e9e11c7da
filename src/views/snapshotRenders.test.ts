// @vitest-environment happy-dom
/**
 * What a snapshot re-renders. The profile of the race training in Chromium showed React's share
 * small because only the views that show a snapshot's numbers render again: the experiment
 * editor (every schema field), the runs editor and the gallery select only the spec, so a
 * snapshot landing in the store must not render them. The progress line must (the counter works).
 */
import { Profiler, act, createElement, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultExperimentSpec } from '../protocol/defaultExperiment';
import { appStore, initialState } from '../store/appStore';
import { foldSnapshots } from '../store/foldSnapshots';
import { snapshot } from '../store/snapshotFixture.node';
import { Controls } from './Controls';
import { ExperimentEditor } from './ExperimentEditor';
import { PresetGallery } from './gallery/PresetGallery';

Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true });

const VIEWS: Readonly<Record<string, ComponentType>> = {
  editor: ExperimentEditor,
  gallery: PresetGallery,
  controls: Controls,
};

const container = document.createElement('div');
document.body.append(container);
const root = createRoot(container);
afterAll(() => act(() => root.unmount()));

describe('a snapshot landing in the store', () => {
  it('re-renders the progress, not the editor or the gallery', () => {
    const spec = defaultExperimentSpec();
    appStore.setState({ ...initialState(spec), engine: 'playing' }, true);
    const renders: Record<string, number> = {};
    act(() =>
      root.render(
        Object.entries(VIEWS).map(([id, view]) =>
          createElement(
            Profiler,
            { id, key: id, onRender: () => void (renders[id] = (renders[id] ?? 0) + 1) },
            createElement(view),
          ),
        ),
      ),
    );
    const mounted = { ...renders };
    for (const tick of [1, 2, 3]) {
      act(() => appStore.setState((s) => foldSnapshots(s, [snapshot(tick, 0, spec)])));
    }
    expect(container.querySelector('[data-testid="step-count"]')?.textContent).toBe('3');
    expect(renders.editor).toBe(mounted.editor);
    expect(renders.gallery).toBe(mounted.gallery);
    expect(renders.controls).toBe((mounted.controls ?? 0) + 3);
  });
});
