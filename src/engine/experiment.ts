/**
 * An experiment in the engine: one data set, one model, one shared initialization, and several
 * runs that advance in lockstep by gradient evaluations so that comparisons are fair.
 */
import * as tf from '@tensorflow/tfjs-core';
import { makeDataset, type DataSources } from '../core/data/makeDataset';
import { makeLoss } from '../core/losses/makeLoss';
import { makeModel } from '../core/models/makeModel';
import { createOptimizer } from '../core/optimizers/createOptimizer';
import { makeTrainingProblem } from '../core/problem';
import { createRng } from '../core/random';
import type { Dataset, Loss, Model } from '../core/types';
import type { Checkpoint } from '../protocol/checkpoint';
import type { ExperimentSpec } from '../protocol/experimentSpec';
import type { AnalysisUpdate } from '../protocol/analysis';
import type { AnalysisSpec } from '../protocol/experimentSpec';
import { analyseExperiment, type AnalysisOptions } from './analyses/analyseExperiment';
import { createLandscape, type Landscape } from './analyses/landscape';
import { Evaluator } from './evaluator';
import { Run } from './run';
import { RescaledCopyOptimizer, trainingOptimizer } from './runOptimizer';

/** Series points kept per doubling of the stride beyond the budget. */
export const POINTS_PER_LEVEL = 1000;
/** Where an open-ended experiment (budget 0) starts to thin its series. */
export const OPEN_ENDED_FULL_TICKS = 2000;

/**
 * Does tick `t` go on the series? Every tick up to the budget B; beyond it, with b = t − B and
 * K = POINTS_PER_LEVEL, every 2^⌊log₂(1 + b/K)⌋-th tick: K points per doubling of the stride, so
 * an hour of Play holds a few thousand points per run instead of millions.
 */
export function recordsTick(t: number, budget: number): boolean {
  const full = budget > 0 ? budget : OPEN_ENDED_FULL_TICKS;
  const beyond = t - full;
  if (beyond <= 0) return true;
  const stride = 2 ** Math.floor(Math.log2(1 + beyond / POINTS_PER_LEVEL));
  return beyond % stride === 0;
}

export class Experiment {
  /** Lockstep ticks completed. */
  tick: number;

  constructor(
    readonly spec: ExperimentSpec,
    readonly dataset: Dataset,
    readonly model: Model,
    readonly loss: Loss,
    readonly runs: readonly Run[],
    private readonly evaluator: Evaluator,
    readonly landscape: Landscape,
    /** The shared initial weights every run started from. */
    readonly init: Float32Array,
    tick: number,
  ) {
    this.tick = tick;
  }

  /** Advances every running run until it has spent the next tick's gradient budget. */
  advance(): void {
    this.tick += 1;
    const target = this.tick * this.spec.tickGradEvals;
    for (const run of this.runs) run.advanceTo(target);
  }

  /**
   * Measures every running run (loss, error, norm) and stops the ones that diverged. Within the
   * budget every tick goes on the series; beyond it, ever fewer (`recordsTick`).
   */
  async measure(): Promise<void> {
    const record = recordsTick(this.tick, this.spec.budget);
    for (const run of this.runs) await run.measure(record);
  }

  anyRunning(): boolean {
    return this.runs.some((run) => run.status === 'running');
  }

  async checkpoint(generation: number): Promise<Checkpoint> {
    const runs = [];
    for (const run of this.runs) runs.push(await run.checkpoint());
    return { generation, tick: this.tick, runs };
  }

  /** Runs the analyses of `settings` at every run's current point (the diverged ones excepted). */
  async analyse(settings: AnalysisSpec, opts: AnalysisOptions): Promise<AnalysisUpdate> {
    const runs = this.runs.filter((run) => run.status === 'running' && run.trajectory.length > 0);
    // Training goes on while an analysis runs (they interleave between chunks): analyse copies.
    const targets = runs.map((run) => {
      const weights = run.weights();
      return {
        runId: run.id,
        step: run.steps,
        gradEvals: run.gradEvals,
        weights: tf.tensor1d(weights),
        seed: this.spec.seed,
        host: { runId: run.id, step: run.steps, weights, trajectory: [...run.trajectory] },
      };
    });
    let update: AnalysisUpdate;
    try {
      update = await analyseExperiment(
        { landscape: this.landscape, init: this.init, seed: this.spec.seed, runs: targets },
        settings,
        opts,
      );
    } finally {
      for (const target of targets) target.weights.dispose();
    }
    return update;
  }

  dispose(): void {
    for (const run of this.runs) run.dispose();
    this.evaluator.dispose();
    this.landscape.dispose();
  }
}

/**
 * Builds `spec`'s experiment: the data and the initial weights come from the experiment seed, so
 * every run starts from the same point; each run draws its own minibatches and noise.
 */
export async function createExperiment(
  spec: ExperimentSpec,
  sources: DataSources,
  resume: Checkpoint | null,
): Promise<Experiment> {
  const dataset = makeDataset(spec.dataset, spec.seed, sources);
  const model = makeModel(spec.model, dataset);
  const loss = makeLoss(spec.loss, dataset.labelKind);
  const init = model.init(createRng(spec.seed, 'init'));
  const evaluator = new Evaluator(model, loss, dataset);
  const runs: Run[] = [];
  spec.runs.forEach((runSpec, index) => {
    const saved = resume?.runs.find((r) => r.id === runSpec.id) ?? null;
    const seed = spec.seed + runSpec.seedOffset;
    const problem = makeTrainingProblem({
      model,
      loss,
      train: dataset.train,
      seed,
      runIndex: index,
      skipSamples: saved?.samplesDrawn ?? 0,
      ...(spec.model.kind === 'mlp' ? { denseChain: { activation: spec.model.activation } } : {}),
    });
    const source = runSpec.copy ? runs.find((r) => r.id === runSpec.copy?.of) : undefined;
    if (runSpec.copy && source) {
      const copy = new RescaledCopyOptimizer(source.optimizer, model.layout, runSpec.copy);
      runs.push(new Run(runSpec, copy, problem, evaluator, saved, source));
      return;
    }
    const options = {
      seed,
      runIndex: index,
      initReplica: (a: number) => (a === 0 ? init : model.init(createRng(seed, 'init', index, a))),
      ...(saved ? { from: saved.optimizer } : {}),
    };
    let failure: string | null = null;
    let optimizer;
    try {
      optimizer = trainingOptimizer(runSpec, problem, init, options);
    } catch (error) {
      // The run stays at the initial weights with the reason; the others go on.
      failure = error instanceof Error ? error.message : String(error);
      optimizer = createOptimizer(runSpec.optimizer, problem, init, options);
    }
    runs.push(new Run(runSpec, optimizer, problem, evaluator, saved, null, failure));
  });
  const landscape = createLandscape(spec.model, spec.loss, model, loss, dataset);
  const experiment = new Experiment(
    spec,
    dataset,
    model,
    loss,
    runs,
    evaluator,
    landscape,
    init,
    resume?.tick ?? 0,
  );
  for (const run of runs) await run.measureInitial();
  return experiment;
}
