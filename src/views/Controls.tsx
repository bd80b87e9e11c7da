import { analyseNow, cancelAnalysis } from '../store/analysisActions';
import { pause, play, reset, step } from '../store/actions';
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

/** Play, pause, step, reset, the step count, and the analysis under way. */
export function Controls() {
  const engine = useAppStore((s) => s.engine);
  const steps = useAppStore((s) => s.runs[0]?.steps ?? 0);
  const gradEvals = useAppStore((s) => s.runs[0]?.gradEvals ?? 0);
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
          ▶ Play
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
        <span className="step-count" aria-label="Steps taken">
          step <strong data-testid="step-count">{steps}</strong>
          <span className="muted"> · {gradEvals} gradient evaluations</span>
        </span>
      </div>
      <AnalysisStatus />
    </section>
  );
}
