/** Entropy-SGD (Chaudhari et al. 2017) and its γ-scaled variant (Pittorino et al. 2021). */
import * as tf from '@tensorflow/tfjs-core';
import type { Tensor1D } from '@tensorflow/tfjs-core';
import type { Rng, TrainingProblem } from '../types';
import { project } from './constrain';
import { lossGradient } from './lossGradient';
import { gaussianVector } from './noise';
import { MomentumOptimizer } from './momentumOptimizer';
import type { Optimizer, OptimizerSnapshot } from './optimizer';
import type { EntropySgdSpec } from './optimizerSpec';
import { couplingAt, entropyCoupling, type CouplingSchedule } from './couplingSchedule';
import { learningRateAt } from './schedules';
import { sgdUpdate } from './sgdUpdate';

/**
 * Gradient evaluations charged per outer step: L + 1 for 'chaudhari2017' (the authors' Lua code
 * evaluates ∇f(x) on a minibatch before the inner loop and then discards it; SCIENCE.md's
 * accounting, so budgets match the paper's), L for 'scaled' (Pittorino et al.'s code drops that
 * evaluation). This implementation computes L gradients in both cases.
 */
export function entropySgdGradEvalsPerStep(spec: EntropySgdSpec): number {
  return spec.variant === 'chaudhari2017' ? spec.L + 1 : spec.L;
}

/**
 * Entropy-SGD. Outer step t: γ = min(γmax, γ_stable, γ0(1 + γ1)^t) (`couplingSchedule.ts`); x' = μ = x, m = 0; for l = 1..L, each
 * on a fresh minibatch, with ρ the inner momentum: g = ∇f(x'); m ← ρm + g; g ← g + ρm (Nesterov,
 * dampening 0); x' ← x' − η'(g − γ(x − x')) + ε√(2η') ξ_l (ξ_l ~ N(0, I) from `noiseRng(t)`,
 * skipped when ε = 0); μ ← αμ + (1 − α)x'. Then d = x − μ ('chaudhari2017') or γ(x − μ)
 * ('scaled'), the SGD rule with outer momentum: x ← x − η_t d; then `problem.project` (on x only:
 * the inner chain explores freely around it).
 *
 * The inner momentum follows both reference codes (ucla-vision/entropy-sgd `entropyoptim.lua`
 * with `train.lua`'s Nesterov 0.9, and `python/optim.py`): only the loss gradient goes through
 * the buffer, the coupling and the noise are added after it, and the buffer is reset at every
 * outer step. Its fixed point sits where ∇f(x')/(1 − ρ) = γ(x − x'), i.e. the chain feels an
 * effective coupling (1 − ρ)γ: ten times wider exploration at ρ = 0.9. ρ = 0 is the plain
 * Langevin loop of SCIENCE.md §4. One deviation from the Lua code: its noise is drawn even when
 * ε = 0; here ε = 0 skips it (the same numbers, fewer kernels).
 */
export function createEntropySgd(
  spec: EntropySgdSpec,
  problem: TrainingProblem,
  init: Float32Array,
  noiseRng: (step: number) => Rng,
  from?: OptimizerSnapshot,
): Optimizer<EntropySgdSpec> {
  return new EntropySgd(spec, problem, init, noiseRng, from);
}

class EntropySgd extends MomentumOptimizer<EntropySgdSpec> {
  private readonly coupling: CouplingSchedule;

  constructor(
    spec: EntropySgdSpec,
    private readonly problem: TrainingProblem,
    init: Float32Array,
    private readonly noiseRng: (step: number) => Rng,
    from?: OptimizerSnapshot,
  ) {
    super(spec, problem.paramCount, init, from, 'x');
    this.coupling = entropyCoupling(spec);
  }

  step(): void {
    const { spec, problem } = this;
    const x = this.point;
    const t = this.steps;
    const gamma = couplingAt(this.coupling, t).value;
    const lr = learningRateAt(spec.lrSchedule, spec.lr, t);
    const rng = spec.noise > 0 ? this.noiseRng(t) : undefined;
    const noiseScale = spec.noise * Math.sqrt(2 * spec.innerLr);
    const d = problem.paramCount;

    const rho = spec.innerMomentum;
    let xp: Tensor1D = tf.clone(x);
    let mu: Tensor1D = tf.clone(x);
    let buffer: Tensor1D | null = null;
    try {
      for (let l = 0; l < spec.L; l++) {
        const noise = rng ? gaussianVector(rng, d, noiseScale) : undefined;
        const previous: Tensor1D | null = buffer;
        const [nextXp, nextMu, nextBuffer] = tf.tidy((): Tensor1D[] => {
          const batch = problem.nextBatch(spec.batchSize);
          let grad: Tensor1D = lossGradient(problem, xp, batch);
          const out: Tensor1D[] = [];
          if (rho > 0) {
            const m: Tensor1D = previous ? tf.add(tf.mul(previous, rho), grad) : grad;
            grad = tf.add(grad, tf.mul(m, rho));
            out.push(m);
          }
          const g = tf.sub(grad, tf.mul(tf.sub(x, xp), gamma));
          let moved: Tensor1D = tf.sub(xp, tf.mul(g, spec.innerLr));
          if (noise) moved = tf.add(moved, tf.tensor1d(noise));
          return [moved, tf.add(tf.mul(mu, spec.alpha), tf.mul(moved, 1 - spec.alpha)), ...out];
        });
        xp.dispose();
        mu.dispose();
        previous?.dispose();
        xp = nextXp!;
        mu = nextMu!;
        buffer = nextBuffer ?? null;
      }
      const [nextX, velocity] = tf.tidy((): Tensor1D[] => {
        const gap: Tensor1D = tf.sub(x, mu);
        const pull: Tensor1D = spec.variant === 'scaled' ? tf.mul(gap, gamma) : gap;
        const rule = { momentum: spec.momentum, nesterov: spec.nesterov, weightDecay: 0 };
        const next = sgdUpdate(x, pull, this.velocity, rule, lr);
        const out = [project(problem, next.w)];
        if (next.velocity) out.push(next.velocity);
        return out;
      });
      this.advance(nextX!, velocity, entropySgdGradEvalsPerStep(spec));
    } finally {
      xp.dispose();
      mu.dispose();
      buffer?.dispose();
    }
  }
}
