import { DATASET_SCHEMA, LOSS_SCHEMA, MODEL_SCHEMA } from '../protocol/specSchema';
import { ANALYSIS_LAYOUT, TOP_LAYOUT } from '../protocol/specLayout';
import { setAnalysis } from '../store/analysisActions';
import type { DatasetKind, LossKind, ModelKind } from '../store/specEdits';
import {
  setDatasetKind,
  setDatasetParams,
  setLossKind,
  setLossParams,
  setModelKind,
  setModelParams,
  setTopField,
} from '../store/specActions';
import { RunsEditor } from './RunsEditor';
import { SchemaFields, UnionFields } from './SchemaField';
import { useAppStore } from './useAppStore';

/** `tickGradEvals` → `tick-grad-evals`: a field's test id. */
function kebab(prop: string): string {
  return prop.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/**
 * Data set, model, loss, runs, and the schedule: the spec's top-level fields and the analysis'
 * (`TOP_LAYOUT`, `ANALYSIS_LAYOUT`), each drawn from its schema. A change of the data, model,
 * loss, runs or a top-level field restarts the experiment; analysis settings apply as it trains.
 */
export function ExperimentEditor() {
  const dataset = useAppStore((s) => s.spec.dataset);
  const model = useAppStore((s) => s.spec.model);
  const loss = useAppStore((s) => s.spec.loss);
  const spec = useAppStore((s) => s.spec);
  const analysis = spec.analysis;

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
        <SchemaFields
          fields={TOP_LAYOUT.fields}
          values={spec}
          testId={(f) => kebab(f.prop)}
          onCommit={setTopField}
        />
        <SchemaFields
          fields={ANALYSIS_LAYOUT.fields}
          values={spec.analysis}
          testId={(f) => `analysis-${kebab(f.prop)}`}
          onCommit={(f, v) => setAnalysis({ [f.prop]: v })}
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
