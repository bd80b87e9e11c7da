import { useState } from 'react';
import type { RunSpec } from '../protocol/experimentSpec';
import {
  canAddRun,
  withField,
  type EntropySgdVariant,
  type OptimizerKind,
} from '../store/specEdits';
import { couplingStatus } from '../protocol/couplingStatus';
import { COPY_FIELDS, describeVariant } from '../protocol/runVariants';
import {
  OPTIMIZER_KINDS,
  OPTIMIZER_LABELS,
  OPTIMIZER_SCHEMA,
  type FieldSchema,
} from '../protocol/specSchema';
import { RUN_LAYOUT } from '../protocol/specLayout';
import { addCopy, addRun, removeRun, setEntropySgdVariant, updateRun } from '../store/specActions';
import { SelectField } from './fields';
import { SchemaField, SchemaFields, UnionFields } from './SchemaField';
import { runColor } from './runColors';
import { useAppStore } from './useAppStore';

type Bag = Readonly<Record<string, unknown>>;

/**
 * The run's optimizer, field by field from the schema: the settings most experiments change, or
 * (`more`) the rest and the schedules. A new variant starts from its own defaults.
 */
function OptimizerFields({ run, more }: { run: RunSpec; more: boolean }) {
  const o = run.optimizer;
  const testId = (f: FieldSchema) => `${f.prop}-${run.id}`;
  const commit = (f: FieldSchema, value: unknown) => {
    if (f.prop === 'variant') setEntropySgdVariant(run.id, value as EntropySgdVariant);
    else updateRun(run.id, { optimizer: { [f.prop]: value } });
  };
  return (
    <>
      <SchemaFields
        fields={OPTIMIZER_SCHEMA.fields(o.kind).filter((f) => (f.advanced === true) === more)}
        values={o}
        testId={testId}
        onCommit={commit}
      />
      {more &&
        OPTIMIZER_SCHEMA.nested(o.kind).map((n) => {
          const value = (o as unknown as Bag)[n.prop] as Bag & { kind: string };
          const set = (next: object) => updateRun(run.id, { optimizer: { [n.prop]: next } });
          return (
            <UnionFields
              key={n.prop}
              schema={n.union}
              value={value}
              testId={(name) => `${n.prop}-${name}-${run.id}`}
              onKind={(kind) => set(n.union.defaults(kind))}
              onCommit={(f, v) => set(withField(value, f.prop, v))}
            />
          );
        })}
    </>
  );
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
      <SchemaField
        field={COPY_FIELDS.factor}
        testId={`copyFactor-${run.id}`}
        value={run.copy.factor}
        onCommit={(factor) => updateRun(run.id, { copy: { factor: factor as number } })}
      />
      <SchemaField
        field={COPY_FIELDS.layer}
        testId={`copyLayer-${run.id}`}
        value={run.copy.layer}
        onCommit={(layer) => updateRun(run.id, { copy: { layer: layer as number } })}
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
      aria-label={run.label}
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
      {!run.copy && (
        <>
          <OptimizerFields run={run} more={false} />
          <SchemaFields
            fields={RUN_LAYOUT.fields}
            values={run}
            testId={(f) => `${f.prop}-${run.id}`}
            onCommit={(f, v) =>
              updateRun(
                run.id,
                // An emptied hyperplane field trains in the full space again.
                f.prop === 'hyperplane'
                  ? { hyperplane: (v as number | undefined) ?? null }
                  : { [f.prop]: v },
              )
            }
          />
        </>
      )}
      <CouplingLine run={run} />
      {!run.copy && (
        <details className="run-more">
          <summary>More settings</summary>
          <OptimizerFields run={run} more />
        </details>
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
  const room = useAppStore((s) => canAddRun(s.spec));
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
        <button type="button" data-testid="add-run" disabled={!room} onClick={() => addRun(kind)}>
          Add run
        </button>
        {copyable && source && (
          <button
            type="button"
            data-testid="add-copy"
            disabled={!room}
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
