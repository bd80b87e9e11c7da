import {
  ANALYSIS_FIELDS,
  DATASET_SCHEMA,
  LOSS_SCHEMA,
  MODEL_SCHEMA,
  SEED_FIELD,
  TICK_FIELD,
} from '../protocol/specSchema';
import { setAnalysis } from '../store/analysisActions';
import type { DatasetKind, LossKind, ModelKind } from '../store/specEdits';
import {
  setDatasetKind,
  setDatasetParams,
  setLossKind,
  setLossParams,
  setModelKind,
  setModelParams,
  setSeed,
  setTickGradEvals,
} from '../store/specActions';
import { RunsEditor } from './RunsEditor';
import { SchemaField, UnionFields } from './SchemaField';
import { useAppStore } from './useAppStore';

/** Data set, model, loss, runs, seed and analysis cadence: each change restarts the experiment. */
export function ExperimentEditor() {
  const dataset = useAppStore((s) => s.spec.dataset);
  const model = useAppStore((s) => s.spec.model);
  const loss = useAppStore((s) => s.spec.loss);
  const seed = useAppStore((s) => s.spec.seed);
  const tickGradEvals = useAppStore((s) => s.spec.tickGradEvals);
  const analysis = useAppStore((s) => s.spec.analysis);

  return (
    <aside className="editor" data-testid="editor" aria-label="Experiment settings">
      <fieldset>
        <legend>Data</legend>
        <UnionFields
          schema={DATASET_SCHEMA}
          value={dataset}
          testId={(name) => `dataset-${name}`}
          onKind={(kind) => setDatasetKind(kind as DatasetKind)}
          onCommit={(f, v) => setDatasetParams({ [f.prop]: v })}
        />
      </fieldset>
      <fieldset>
        <legend>Model and loss</legend>
        <UnionFields
          schema={MODEL_SCHEMA}
          value={model}
          testId={(name) => `model-${name}`}
          onKind={(kind) => setModelKind(kind as ModelKind)}
          onCommit={(f, v) => setModelParams({ [f.prop]: v })}
        />
        <UnionFields
          schema={LOSS_SCHEMA}
          value={loss}
          testId={(name) => `loss-${name}`}
          onKind={(kind) => setLossKind(kind as LossKind)}
          onCommit={(f, v) => setLossParams({ [f.prop]: v })}
        />
      </fieldset>
      <RunsEditor />
      <fieldset>
        <legend>Schedule</legend>
        <SchemaField
          field={SEED_FIELD}
          testId="seed"
          value={seed}
          onCommit={(v) => setSeed(v as number)}
        />
        <SchemaField
          field={TICK_FIELD}
          testId="tick-grad-evals"
          value={tickGradEvals}
          onCommit={(v) => setTickGradEvals(v as number)}
        />
        <SchemaField
          field={ANALYSIS_FIELDS.every}
          testId="analysis-every"
          value={analysis.every}
          onCommit={(v) => setAnalysis({ every: v as number })}
        />
        <SchemaField
          field={ANALYSIS_FIELDS.spectrum}
          testId="analysis-spectrum"
          value={analysis.spectrum}
          onCommit={(v) => setAnalysis({ spectrum: v as typeof analysis.spectrum })}
        />
        <label className="field check">
          <input
            type="checkbox"
            data-testid="analysis-flatness"
            checked={analysis.flatness !== null}
            onChange={(e) => setAnalysis({ flatness: e.target.checked ? {} : null })}
          />
          <span>Flatness curves</span>
        </label>
      </fieldset>
    </aside>
  );
}
