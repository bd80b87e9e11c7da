import { useMemo, useState } from 'react';
import {
  DEFAULT_FOCUSING_PROTOCOL,
  describeProtocol,
  type BinaryMachine,
  type BinarySolver,
} from '../../protocol/jobs/binaryJob';
import {
  BINARY_MACHINE_LABELS,
  BINARY_SOLVERS,
  BINARY_SOLVER_LABELS,
  DEFAULT_BINARY_LAB,
  binaryJobFor,
  type BinaryLabSettings,
} from '../../store/binaryLab';
import { NumberField, Toggle } from '../fields';
import { BinaryCurves, solverColor } from './BinaryCurves';
import { JobProgress } from './JobProgress';
import { useJob } from './useJob';

/**
 * ±1-weight perceptrons and committees on random patterns (Baldassi et al.): each solver on the
 * same patterns, then the Hamming local entropy around what it found — isolated typical
 * solutions (the fraction drops to 0 at once) against wide flat clusters (it stays near 1).
 */
export function BinaryLabPanel() {
  const [settings, setSettings] = useState<BinaryLabSettings>(DEFAULT_BINARY_LAB);
  const { status, last, run, cancel } = useJob<'binary'>();
  const { job, notes } = useMemo(() => binaryJobFor(settings), [settings]);
  const set = (patch: Partial<BinaryLabSettings>) => setSettings((s) => ({ ...s, ...patch }));
  const toggleSolver = (solver: BinarySolver, on: boolean) =>
    set({
      solvers: on ? [...settings.solvers, solver] : settings.solvers.filter((x) => x !== solver),
    });
  const running = status.state === 'running';

  return (
    <section
      className="panel experiment-panel"
      data-testid="binary-lab"
      aria-label="±1 networks"
      data-state={status.state}
      data-solvers={last?.results.length ?? 0}
    >
      <div className="panel-head">
        <h2>±1 networks: isolated typical solutions vs wide flat clusters</h2>
      </div>
      <p className="muted experiment-hint">
        P = αN random ±1 patterns with random labels, a network with ±1 weights. Each solver gets
        the same sweep budget; around the solution it returns, flip a fraction d of the weights at
        random: does the network still classify every pattern? Focusing BP and the entropic solvers
        land in dense clusters; annealing and the clipped perceptron find isolated ones. A parity
        machine (output = product of the hidden signs) is the usual example of a device without wide
        flat minima: at K = 3 (tree), α = 0.4, where fBP's committee solutions keep most of their
        neighbours at d = 0.01, its parity solutions keep almost none.
      </p>
      <p className="muted experiment-hint" data-testid="binary-protocol">
        Focusing BP walks {describeProtocol(DEFAULT_FOCUSING_PROTOCOL)}. The reference package
        (BinaryCommitteeMachineFBP.jl) defaults to standard reinforcement, as does its documented
        example; pseudo-reinforcement scopes the coupling γ and the replicas y together, as the
        focusing papers describe fBP.
      </p>
      <div className="experiment-controls">
        <NumberField
          label="N inputs"
          testId="binary-inputs"
          value={settings.inputs}
          min={51}
          max={1001}
          step={2}
          integer
          onCommit={(inputs) => set({ inputs })}
        />
        <Toggle<'1' | '3' | '5'>
          label="Hidden units K"
          testId="binary-hidden"
          value={String(settings.hidden) as '1' | '3' | '5'}
          options={['1', '3', '5']}
          labels={{ '1': 'K = 1', '3': 'K = 3', '5': 'K = 5' }}
          onChange={(k) => set({ hidden: Number(k) as 1 | 3 | 5 })}
        />
        <Toggle<BinaryMachine>
          label="Output"
          testId="binary-machine"
          value={settings.machine}
          options={['committee', 'parity']}
          labels={BINARY_MACHINE_LABELS}
          onChange={(machine) => set({ machine })}
        />
        <label className="field check">
          <input
            type="checkbox"
            data-testid="binary-tree"
            checked={settings.tree}
            disabled={settings.hidden === 1}
            onChange={(e) => set({ tree: e.target.checked })}
          />
          <span>tree</span>
        </label>
        <NumberField
          label="load α = P/N"
          testId="binary-alpha"
          value={settings.alpha}
          min={0.01}
          max={2}
          step={0.05}
          onCommit={(alpha) => set({ alpha })}
        />
        <NumberField
          label="sweeps"
          testId="binary-sweeps"
          value={settings.sweeps}
          min={1}
          max={10000}
          step={50}
          integer
          onCommit={(sweeps) => set({ sweeps })}
        />
        <NumberField
          label="seed"
          testId="binary-seed"
          value={settings.seed}
          min={0}
          max={2 ** 31 - 1}
          step={1}
          integer
          onCommit={(seed) => set({ seed })}
        />
      </div>
      <fieldset className="experiment-solvers">
        <legend>Solvers</legend>
        {BINARY_SOLVERS.map((solver) => (
          <label key={solver} className="field check">
            <input
              type="checkbox"
              data-testid={`binary-solver-${solver}`}
              checked={settings.solvers.includes(solver)}
              disabled={solver === 'clippedPerceptron' && settings.hidden !== 1}
              onChange={(e) => toggleSolver(solver, e.target.checked)}
            />
            <span className="swatch" style={{ background: solverColor(solver) }} />
            <span>{BINARY_SOLVER_LABELS[solver]}</span>
          </label>
        ))}
      </fieldset>
      <div className="experiment-run">
        <button
          type="button"
          data-testid="binary-run"
          disabled={running || job.solvers.length === 0}
          onClick={() => run(job)}
        >
          Run
        </button>
        <JobProgress status={status} testId="binary-progress" onCancel={cancel} />
      </div>
      {notes.length > 0 && (
        <p className="muted" data-testid="binary-notes">
          {notes.join('; ')}.
        </p>
      )}
      <BinaryCurves result={last} />
    </section>
  );
}
