import { setAnalysis } from '../store/analysisActions';
import { setSeed } from '../store/actions';
import {
  DATASET_KINDS,
  DATASET_LABELS,
  LOSS_KINDS,
  LOSS_LABELS,
  MODEL_KINDS,
  MODEL_LABELS,
  type DatasetSpec,
  type ModelSpec,
} from '../store/specEdits';
import {
  setDatasetKind,
  setDatasetParams,
  setLossKind,
  setLossParams,
  setModelKind,
  setModelParams,
  setTickGradEvals,
} from '../store/specActions';
import { NumberField, SelectField, TextField } from './fields';
import { RunsEditor } from './RunsEditor';
import { useAppStore } from './useAppStore';

interface NumericParam {
  readonly key: string;
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
}

/** The numeric parameters a data set may have; each kind shows those it has. */
const DATASET_PARAMS: readonly NumericParam[] = [
  { key: 'train', label: 'Train samples', min: 10, max: 60000, integer: true },
  { key: 'test', label: 'Test samples', min: 0, max: 10000, integer: true },
  { key: 'classes', label: 'Classes', min: 2, max: 10, integer: true },
  { key: 'turns', label: 'Turns', min: 0.25, max: 5 },
  { key: 'noise', label: 'Noise', min: 0, max: 2 },
  { key: 'factor', label: 'Inner radius', min: 0.05, max: 0.95 },
  { key: 'n', label: 'Inputs N', min: 3, max: 2001, integer: true },
  { key: 'alpha', label: 'Load α', min: 0.05, max: 10 },
  { key: 'dim', label: 'Dimension', min: 2, max: 784, integer: true },
  { key: 'separation', label: 'Separation', min: 0, max: 20 },
  { key: 'shift', label: 'Shift', min: -10, max: 10 },
  { key: 'labelNoise', label: 'Label noise', min: 0, max: 1 },
];

function paramValue(spec: object, key: string): number | null {
  const value = (spec as Record<string, unknown>)[key];
  return typeof value === 'number' ? value : null;
}

function DatasetFields({ dataset }: { dataset: DatasetSpec }) {
  return (
    <>
      {DATASET_PARAMS.map((p) => {
        const value = paramValue(dataset, p.key);
        return value === null ? null : (
          <NumberField
            key={p.key}
            label={p.label}
            testId={`dataset-${p.key}`}
            value={value}
            min={p.min}
            max={p.max}
            step={p.integer ? 1 : 'any'}
            integer={p.integer ?? false}
            onCommit={(v) => setDatasetParams({ [p.key]: v })}
          />
        );
      })}
    </>
  );
}

function parseWidths(text: string): number[] | null {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  const parts = trimmed.split(/[\s,×x]+/).map(Number);
  return parts.every((w) => Number.isInteger(w) && w >= 1 && w <= 1024) && parts.length <= 6
    ? parts
    : null;
}

function ModelFields({ model }: { model: ModelSpec }) {
  return (
    <>
      {model.kind === 'mlp' && (
        <>
          <TextField
            label="Hidden widths"
            testId="model-hidden"
            title="Comma-separated widths, e.g. 16, 16 (empty: softmax regression)"
            value={model.hidden.join(', ')}
            parse={parseWidths}
            onCommit={(hidden) => setModelParams({ hidden } as Partial<Omit<ModelSpec, 'kind'>>)}
          />
          <SelectField
            label="Activation"
            testId="model-activation"
            value={model.activation}
            options={['relu', 'tanh'] as const}
            onChange={(activation) =>
              setModelParams({ activation } as Partial<Omit<ModelSpec, 'kind'>>)
            }
          />
        </>
      )}
      {model.kind === 'committee' && (
        <NumberField
          label="Hidden units K"
          testId="model-committee-hidden"
          value={model.hidden}
          min={1}
          max={101}
          step={2}
          integer
          onCommit={(hidden) => setModelParams({ hidden } as Partial<Omit<ModelSpec, 'kind'>>)}
        />
      )}
      <NumberField
        label="Init scale r"
        testId="model-initScale"
        value={model.initScale}
        min={0}
        max={100}
        step="any"
        onCommit={(initScale) => setModelParams({ initScale })}
      />
    </>
  );
}

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
        <SelectField
          label="Data set"
          testId="dataset-kind"
          value={dataset.kind}
          options={DATASET_KINDS}
          labels={DATASET_LABELS}
          onChange={setDatasetKind}
        />
        <DatasetFields dataset={dataset} />
      </fieldset>
      <fieldset>
        <legend>Model and loss</legend>
        <SelectField
          label="Model"
          testId="model-kind"
          value={model.kind}
          options={MODEL_KINDS}
          labels={MODEL_LABELS}
          onChange={setModelKind}
        />
        <ModelFields model={model} />
        <SelectField
          label="Loss"
          testId="loss-kind"
          value={loss.kind}
          options={LOSS_KINDS}
          labels={LOSS_LABELS}
          onChange={setLossKind}
        />
        {loss.kind === 'baldassi' && (
          <NumberField
            label="γ"
            testId="loss-gamma"
            value={loss.gamma}
            min={1e-3}
            max={1e3}
            step="any"
            onCommit={(gamma) => setLossParams({ gamma })}
          />
        )}
      </fieldset>
      <RunsEditor />
      <fieldset>
        <legend>Schedule</legend>
        <NumberField
          label="Seed"
          testId="seed"
          value={seed}
          min={0}
          max={2 ** 31 - 1}
          step={1}
          integer
          onCommit={setSeed}
        />
        <NumberField
          label="Gradient evals per tick"
          testId="tick-grad-evals"
          value={tickGradEvals}
          min={1}
          max={10000}
          step={1}
          integer
          title="Every run advances by this many gradient evaluations per lockstep tick"
          onCommit={setTickGradEvals}
        />
        <NumberField
          label="Analyse every (ticks, 0 = on request)"
          testId="analysis-every"
          value={analysis.every}
          min={0}
          max={100000}
          step={1}
          integer
          onCommit={(every) => setAnalysis({ every })}
        />
        <SelectField
          label="Spectrum"
          testId="analysis-spectrum"
          value={analysis.spectrum}
          options={['auto', 'exact', 'slq', 'off'] as const}
          labels={{ auto: 'auto', exact: 'exact', slq: 'SLQ density', off: 'off' }}
          onChange={(spectrum) => setAnalysis({ spectrum })}
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
