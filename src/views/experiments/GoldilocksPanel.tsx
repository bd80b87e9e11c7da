import { useState } from 'react';
import { GOLDILOCKS_SCALES, goldilocksJob } from '../../store/goldilocksActions';
import { GoldilocksFigures } from './GoldilocksFigures';
import { JobProgress } from './JobProgress';
import { useJob } from './useJob';

/**
 * The Goldilocks zone (Fort & Scherlis 2019) of the current experiment: at each initialization
 * radius r, the restricted Hessian's Tr(H_d)/‖H_d‖_F and positive share on random d-dimensional
 * hyperplanes, and the loss reached by training only within one of them.
 */
export function GoldilocksPanel() {
  const [subspaceDim, setSubspaceDim] = useState(10);
  const { status, last: result, run, cancel } = useJob<'goldilocks'>();

  return (
    <section className="panel" data-testid="goldilocks" aria-label="Goldilocks zone">
      <h2>Goldilocks zone · training in a random hyperplane</h2>
      <p className="muted">
        For r in {GOLDILOCKS_SCALES.join(', ')} × the standard initialization of this experiment’s
        model: the Hessian restricted to random {subspaceDim}-dimensional hyperplanes through θ₀ =
        r·θ_init (mean of 3), and SGD on φ alone in θ = θ₀ + Mφ (200 steps).
      </p>
      <div className="transport">
        <label className="field">
          <span>d</span>
          <input
            type="number"
            min={2}
            max={50}
            value={subspaceDim}
            onChange={(e) =>
              setSubspaceDim(Math.max(2, Math.min(50, Math.round(Number(e.target.value) || 10))))
            }
          />
        </label>
        <button
          type="button"
          data-testid="goldilocks-run"
          disabled={status.state === 'running'}
          onClick={() => run(goldilocksJob({ subspaceDim, trainSteps: 200 }))}
        >
          Run the sweep
        </button>
        <JobProgress status={status} testId="goldilocks-progress" onCancel={cancel} />
      </div>
      <GoldilocksFigures result={result} />
    </section>
  );
}
