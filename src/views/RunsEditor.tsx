import { useState } from 'react';
import type { RunSpec } from '../protocol/experimentSpec';
import {
  OPTIMIZER_KINDS,
  OPTIMIZER_LABELS,
  type EntropySgdVariant,
  type OptimizerKind,
  type OptimizerSpec,
} from '../store/specEdits';
import { couplingStatus } from '../protocol/couplingStatus';
import { describeVariant } from '../protocol/runVariants';
import { addCopy, addRun, removeRun, setEntropySgdVariant, updateRun } from '../store/specActions';
import { NumberField, SelectField } from './fields';
import { runColor } from './runColors';
import { useAppStore } from './useAppStore';

interface HyperParam {
  readonly key: string;
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
  readonly title?: string;
}

/** The main hyper-parameters; a run shows those its optimizer has. `lr` keeps its test id lr-<run>. */
const HYPER: readonly HyperParam[] = [
  { key: 'lr', label: 'Learning rate η', min: 1e-6, max: 100 },
  { key: 'batchSize', label: 'Batch', min: 1, max: 60000, integer: true },
  { key: 'momentum', label: 'Momentum', min: 0, max: 0.999 },
  { key: 'L', label: 'Inner steps L', min: 1, max: 200, integer: true },
  { key: 'innerLr', label: "Inner η'", min: 1e-6, max: 10, title: "Keep η'γ < 1" },
  {
    key: 'innerMomentum',
    label: 'Inner momentum ρ',
    min: 0,
    max: 0.999,
    title:
      'Nesterov on the inner gradient, as the reference code (0.9); 0 is the plain Langevin loop',
  },
  { key: 'gamma0', label: 'Coupling γ0', min: 0, max: 1e4 },
  { key: 'replicas', label: 'Replicas y', min: 1, max: 15, integer: true },
  { key: 'g0', label: 'Coupling g0', min: 0, max: 1e4, title: 'Keep 2ηg < 1' },
  { key: 'rho', label: 'Radius ρ', min: 0, max: 10 },
];

function value(optimizer: OptimizerSpec, key: string): number | null {
  const v = (optimizer as unknown as Record<string, unknown>)[key];
  return typeof v === 'number' ? v : null;
}

/** A rescaled copy's card: what it copies and how; it has no optimizer of its own. */
function CopyFields({ run }: { run: RunSpec }) {
  const runs = useAppStore((s) => s.spec.runs);
  if (!run.copy) return null;
  return (
    <>
      <p className="muted run-variant" data-testid={`variant-${run.id}`}>
        {describeVariant(run, runs)}: the same function, another Hessian.
      </p>
      <NumberField
        label="Factor c"
        testId={`copyFactor-${run.id}`}
        value={run.copy.factor}
        min={1e-3}
        max={1e3}
        step="any"
        onCommit={(factor) => updateRun(run.id, { copy: { factor } })}
      />
      <NumberField
        label="Hidden layer k"
        testId={`copyLayer-${run.id}`}
        value={run.copy.layer}
        min={1}
        max={6}
        step={1}
        integer
        title="Layer k × c, layer k + 1 × 1/c"
        onCommit={(layer) => updateRun(run.id, { copy: { layer } })}
      />
    </>
  );
}

/** The run's growing coupling now, and the cap that holds it (none for other optimizers). */
function CouplingLine({ run }: { run: RunSpec }) {
  // A string, not the steps: the card re-renders only when what it says changes.
  const line = useAppStore((s) => {
    const steps = s.runs.find((r) => r.id === run.id)?.steps ?? 0;
    const status = run.copy ? null : couplingStatus(run.optimizer, steps);
    return status ? `${status.capped ?? ''}|${status.text}` : null;
  });
  if (line === null) return null;
  const [capped, text] = [line.slice(0, line.indexOf('|')), line.slice(line.indexOf('|') + 1)];
  return (
    <p
      className={capped === 'stability' ? 'coupling capped' : 'coupling'}
      data-testid={`coupling-${run.id}`}
      data-capped={capped}
    >
      {text}
    </p>
  );
}

function RunCard({ run, index, removable }: { run: RunSpec; index: number; removable: boolean }) {
  const o = run.optimizer;
  return (
    <li
      className="run-card"
      data-testid={`run-${run.id}`}
      style={{ borderLeftColor: runColor(index) }}
    >
      <div className="run-card-head">
        <strong>{run.label}</strong>
        <span className="muted">{run.copy ? 'rescaled copy' : OPTIMIZER_LABELS[o.kind]}</span>
        <button
          type="button"
          className="remove"
          data-testid={`remove-${run.id}`}
          aria-label={`Remove ${run.label}`}
          disabled={!removable}
          onClick={() => removeRun(run.id)}
        >
          ×
        </button>
      </div>
      <CopyFields run={run} />
      {!run.copy && o.kind === 'entropySgd' && (
        <SelectField<EntropySgdVariant>
          label="Variant"
          testId={`variant-${run.id}`}
          value={o.variant}
          options={['chaudhari2017', 'scaled']}
          labels={{ chaudhari2017: 'Chaudhari 2017', scaled: 'scaled (Pittorino 2021)' }}
          onChange={(variant) => setEntropySgdVariant(run.id, variant)}
        />
      )}
      {HYPER.map((p) => {
        const v = run.copy ? null : value(o, p.key);
        return v === null ? null : (
          <NumberField
            key={p.key}
            label={p.key === 'lr' ? `${run.label} learning rate` : p.label}
            testId={`${p.key}-${run.id}`}
            value={v}
            min={p.min}
            max={p.max}
            step={p.integer ? 1 : 'any'}
            integer={p.integer ?? false}
            {...(p.title ? { title: p.title } : {})}
            onCommit={(x) => updateRun(run.id, { optimizer: { [p.key]: x } })}
          />
        );
      })}
      {!run.copy && (
        <NumberField
          label="Hyperplane d"
          testId={`hyperplane-${run.id}`}
          value={run.hyperplane ?? 0}
          min={0}
          max={1000}
          step={1}
          integer
          title="Train only in a random d-dimensional hyperplane through the initialization (0: the full space)"
          onCommit={(d) => updateRun(run.id, { hyperplane: d > 0 ? d : null })}
        />
      )}
      <CouplingLine run={run} />
      {!run.copy && (
        <NumberField
          label="Seed offset"
          testId={`seedOffset-${run.id}`}
          value={run.seedOffset}
          min={0}
          max={10000}
          step={1}
          integer
          title="Added to the experiment seed for this run's minibatches, noise and hyperplane"
          onCommit={(seedOffset) => updateRun(run.id, { seedOffset })}
        />
      )}
    </li>
  );
}

/** The optimizer runs: add, remove, and tune each one. */
export function RunsEditor() {
  const runs = useAppStore((s) => s.spec.runs);
  const model = useAppStore((s) => s.spec.model);
  const [kind, setKind] = useState<OptimizerKind>('entropySgd');
  const copyable = model.kind === 'mlp' && model.activation === 'relu' && model.hidden.length > 0;
  const source = runs.find((r) => !r.copy);
  return (
    <fieldset>
      <legend>Runs</legend>
      <ul className="run-cards">
        {runs.map((run, i) => (
          <RunCard key={run.id} run={run} index={i} removable={runs.length > 1} />
        ))}
      </ul>
      <div className="add-run">
        <SelectField<OptimizerKind>
          label="Optimizer"
          testId="add-run-kind"
          value={kind}
          options={OPTIMIZER_KINDS}
          labels={OPTIMIZER_LABELS}
          onChange={setKind}
        />
        <button
          type="button"
          data-testid="add-run"
          disabled={runs.length >= 6}
          onClick={() => addRun(kind)}
        >
          Add run
        </button>
        {copyable && source && (
          <button
            type="button"
            data-testid="add-copy"
            disabled={runs.length >= 6}
            title={`A copy of ${source.label} with hidden layer 1 × 5 and layer 2 × 1/5 (Dinh et al. 2017)`}
            onClick={() => addCopy(source.id)}
          >
            Add rescaled copy
          </button>
        )}
      </div>
    </fieldset>
  );
}
