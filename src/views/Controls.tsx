import { PACE_LABELS, PACES, isPace } from '../protocol/pace';
import { analyseNow, cancelAnalysis } from '../store/analysisActions';
import { pause, play, reset, setPace, step } from '../store/actions';
import { useAppStore } from './useAppStore';

/** The analysis under way: what it is, how far, and a way to stop it. Fixed size: no jumps. */
function AnalysisStatus() {
  const progress = useAppStore((s) => s.analysisProgress);
  const starting = useAppStore((s) => s.engine === 'starting');
  const percent = progress ? Math.round(100 * Math.min(1, Math.max(0, progress.fraction))) : 0;
  return (
    <div
      className="analysis-status"
      data-testid="analysis-status"
      data-busy={progress ? 'true' : 'false'}
    >
      <button
        type="button"
        data-testid="analyse"
        disabled={starting || progress !== null}
        onClick={analyseNow}
      >
        Analyse now
      </button>
      <div className="progress-slot">
        {progress ? (
          <>
            <progress
              data-testid="analysis-progress"
              max={100}
              value={percent}
              aria-label={`${progress.label}: ${percent}%`}
            />
            <span className="progress-label">
              {progress.label} <span className="num">{percent}%</span>
            </span>
            <button type="button" data-testid="cancel-analysis" onClick={cancelAnalysis}>
              Cancel
            </button>
          </>
        ) : (
          <span className="muted">no analysis running</span>
        )}
      </div>
    </div>
  );
}

/** Where the experiment is: tick of budget, a bar, and whether it is past its end. */
function Progress() {
  const tick = useAppStore((s) => s.tick);
  const budget = useAppStore((s) => s.spec.budget);
  const steps = useAppStore((s) => s.runs[0]?.steps ?? 0);
  const gradEvals = useAppStore((s) => s.runs[0]?.gradEvals ?? 0);
  const waiting = useAppStore((s) => s.waiting && s.engine === 'playing');
  const beyond = budget > 0 && tick > budget;
  return (
    <span className="step-count" aria-label="Progress of the experiment">
      tick{' '}
      <strong data-testid="step-count" data-tick={tick} data-budget={budget}>
        {tick}
      </strong>
      {budget > 0 && <span className="muted"> / {budget}</span>}
      {budget > 0 && (
        <progress
          className="budget-bar"
          max={budget}
          value={Math.min(tick, budget)}
          aria-label={`${Math.min(tick, budget)} of ${budget} ticks`}
        />
      )}
      <span className="muted step-detail">
        {' '}
        · step {steps} · {gradEvals} gradient evaluations
      </span>
      {beyond && (
        <span className="beyond" data-testid="beyond-budget">
          beyond the experiment: +{tick - budget} ticks
        </span>
      )}
      <span className="waiting" data-testid="waiting" hidden={!waiting}>
        training waits for the analysis
      </span>
    </span>
  );
}

/** How fast Play goes. */
function PaceSelect() {
  const pace = useAppStore((s) => s.pace);
  return (
    <label className="pace">
      Speed{' '}
      <select
        data-testid="pace"
        value={pace}
        onChange={(e) => {
          if (isPace(e.target.value)) setPace(e.target.value);
        }}
      >
        {PACES.map((p) => (
          <option key={p} value={p}>
            {PACE_LABELS[p]}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Play, pause, step, reset, speed, the progress, and the analysis under way. */
export function Controls() {
  const engine = useAppStore((s) => s.engine);
  const atEnd = useAppStore((s) => s.spec.budget > 0 && s.tick >= s.spec.budget);
  const starting = engine === 'starting';

  return (
    <section className="controls" aria-label="Experiment controls">
      <div className="transport">
        <button
          type="button"
          data-testid="play"
          disabled={starting || engine === 'playing'}
          onClick={play}
        >
          {atEnd ? '▶ Play on' : '▶ Play'}
        </button>
        <button type="button" data-testid="pause" disabled={engine !== 'playing'} onClick={pause}>
          ❚❚ Pause
        </button>
        <button
          type="button"
          data-testid="step"
          disabled={starting || engine === 'playing'}
          onClick={step}
        >
          Step
        </button>
        <button type="button" data-testid="reset" disabled={starting} onClick={reset}>
          Reset
        </button>
        <PaceSelect />
        <Progress />
      </div>
      <AnalysisStatus />
    </section>
  );
}
