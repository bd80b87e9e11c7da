import { useState } from 'react';
import { pause, play, reset, setSeed, step, updateRunOptimizer } from '../store/actions';
import { useAppStore } from './useAppStore';

/** A number field that commits on Enter or blur, and only a finite value within [min, max]. */
function NumberField(props: {
  label: string;
  testId: string;
  value: number;
  min: number;
  max: number;
  step: number | 'any';
  onCommit: (value: number) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const value = Number(draft);
    setDraft(null);
    if (Number.isFinite(value) && value >= props.min && value <= props.max) props.onCommit(value);
  };
  return (
    <label className="field">
      <span>{props.label}</span>
      <input
        type="number"
        data-testid={props.testId}
        min={props.min}
        max={props.max}
        step={props.step}
        value={draft ?? String(props.value)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
    </label>
  );
}

export function Controls() {
  const engine = useAppStore((s) => s.engine);
  const seed = useAppStore((s) => s.spec.seed);
  const runs = useAppStore((s) => s.spec.runs);
  const steps = useAppStore((s) => s.runs[0]?.steps ?? 0);
  const gradEvals = useAppStore((s) => s.runs[0]?.gradEvals ?? 0);
  const starting = engine === 'starting';

  return (
    <section className="controls" aria-label="Experiment controls">
      <div className="transport">
        <button type="button" data-testid="play" disabled={starting || engine === 'playing'} onClick={play}>
          ▶ Play
        </button>
        <button type="button" data-testid="pause" disabled={engine !== 'playing'} onClick={pause}>
          ❚❚ Pause
        </button>
        <button type="button" data-testid="step" disabled={starting || engine === 'playing'} onClick={step}>
          Step
        </button>
        <button type="button" data-testid="reset" disabled={starting} onClick={reset}>
          Reset
        </button>
        <span className="step-count" aria-label="Steps taken">
          step <strong data-testid="step-count">{steps}</strong>
          <span className="muted"> · {gradEvals} gradient evaluations</span>
        </span>
      </div>
      <div className="fields">
        <NumberField
          label="Seed"
          testId="seed"
          value={seed}
          min={0}
          max={2 ** 31 - 1}
          step={1}
          onCommit={(v) => setSeed(Math.round(v))}
        />
        {runs.map((run) => (
          <NumberField
            key={run.id}
            label={`${run.label} learning rate`}
            testId={`lr-${run.id}`}
            value={run.optimizer.lr}
            min={1e-6}
            max={100}
            step="any"
            onCommit={(lr) => updateRunOptimizer(run.id, { lr })}
          />
        ))}
      </div>
    </section>
  );
}
