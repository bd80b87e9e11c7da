/**
 * Focusing protocols of focusing belief propagation: the sequence of (γ, y) — coupling between
 * the y replicas and their centre, and number of replicas — that fBP walks through, one BP
 * convergence per step. Plain JSON (it travels in worker messages). Written from the protocol
 * types of carlobaldassi/BinaryCommitteeMachineFBP.jl (src/BinaryCommitteeMachineFBP.jl:
 * `StandardReinforcement`, `Scoping`, `PseudoReinforcement`, `FreeScoping`).
 */

/** γ = ∞, y = 1/(1 − x) for x = 0, step, 2·step, … < 1: classic reinforcement. */
export interface StandardReinforcementProtocol {
  readonly kind: 'standardReinforcement';
  readonly step: number;
}

/** Fixed y, γ = from, from + step, … ≤ to ("scoping": the replicas are pulled together). */
export interface ScopingProtocol {
  readonly kind: 'scoping';
  readonly from: number;
  readonly to: number;
  readonly step: number;
  readonly y: number;
}

/**
 * γ = atanh(ρ^x), y = 1 + ρ^{1−2x}/(1 − ρ) for ρ = 0, step, … < 1 (x = ½ by default:
 * γ = atanh(√ρ), y = (2 − ρ)/(1 − ρ)). x = 0 is standard reinforcement.
 */
export interface PseudoReinforcementProtocol {
  readonly kind: 'pseudoReinforcement';
  readonly step: number;
  readonly x?: number;
}

/** An explicit list of (γ, y). */
export interface FreeProtocol {
  readonly kind: 'free';
  readonly steps: readonly (readonly [gamma: number, y: number])[];
}

export type FocusingProtocol =
  StandardReinforcementProtocol | ScopingProtocol | PseudoReinforcementProtocol | FreeProtocol;

/**
 * Flatland's default: pseudo-reinforcement in steps of 0.01. The reference package's own default
 * and its documented example use standard reinforcement; pseudo-reinforcement is its protocol
 * that scopes γ and y together, as the focusing papers describe fBP. The ±1 lab names it.
 */
export const DEFAULT_FOCUSING_PROTOCOL: FocusingProtocol = {
  kind: 'pseudoReinforcement',
  step: 0.01,
};

/** A protocol in one line, for the page. */
export function describeProtocol(p: FocusingProtocol): string {
  switch (p.kind) {
    case 'standardReinforcement':
      return `standard reinforcement (γ = ∞, y = 1/(1 − x), x in steps of ${p.step})`;
    case 'scoping':
      return `scoping (y = ${p.y}, γ from ${p.from} to ${p.to} in steps of ${p.step})`;
    case 'pseudoReinforcement': {
      const x = p.x ?? 0.5;
      return x === 0.5
        ? `pseudo-reinforcement (γ = atanh √ρ, y = (2 − ρ)/(1 − ρ), ρ in steps of ${p.step})`
        : `pseudo-reinforcement (γ = atanh ρ^${x}, y = 1 + ρ^${1 - 2 * x}/(1 − ρ), ρ in steps of ${p.step})`;
    }
    case 'free':
      return `a free protocol of ${p.steps.length} (γ, y) steps`;
  }
}

export interface FocusingStep {
  /** Coupling γ ∈ [0, ∞] between each replica and the centre (tanh γ = "polarization"). */
  readonly gamma: number;
  /** Number of replicas y ≥ 1 (may be non-integer; ∞ allowed). */
  readonly y: number;
}

/** `from, from + step, …` up to `to` inclusive (rounded against float drift, like a Julia range). */
function range(from: number, step: number, to: number): number[] {
  if (!(step > 0)) throw new RangeError(`protocol step must be > 0, got ${step}`);
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, i) => from + i * step);
}

/** The (γ, y) sequence of a protocol. */
export function focusingSchedule(protocol: FocusingProtocol): FocusingStep[] {
  switch (protocol.kind) {
    case 'standardReinforcement':
      return range(0, protocol.step, 1 - protocol.step).map((x) => ({
        gamma: Infinity,
        y: 1 / (1 - x),
      }));
    case 'scoping':
      return range(protocol.from, protocol.step, protocol.to).map((gamma) => ({
        gamma,
        y: protocol.y,
      }));
    case 'pseudoReinforcement': {
      const x = protocol.x ?? 0.5;
      return range(0, protocol.step, 1 - protocol.step).map((rho) => {
        if (x === 0.5) return { gamma: Math.atanh(Math.sqrt(rho)), y: (2 - rho) / (1 - rho) };
        if (x === 0) return { gamma: Infinity, y: 1 / (1 - rho) };
        return { gamma: Math.atanh(rho ** x), y: 1 + rho ** (1 - 2 * x) / (1 - rho) };
      });
    }
    case 'free':
      return protocol.steps.map(([gamma, y]) => ({ gamma, y }));
  }
}
