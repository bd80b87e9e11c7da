/**
 * The measurements of `npm run bench`, run on whatever tfjs backend is active: by the Node host
 * (cpu, wasm) and by the bench worker in Chromium (webgpu, webgl, wasm, cpu). Each timing is the
 * median of repeated runs after warm-up; every read-back is awaited, so GPU backends are timed to
 * completion. Nothing here fails on speed: it only reports.
 */
import * as tf from '@tensorflow/tfjs-core';
import { crossEntropyOfBlocks } from '../core/losses/crossEntropy';
import { hessianVectorProduct } from '../core/autodiff';
import { denseChainGradient } from '../core/optimizers/denseChainGradient';
import { applyToMany, symmetrizeInPlace } from '../core/linalg/linearOperator';
import { symmetricEigenChunked } from '../core/linalg/symmetricEigen';
import { nonzeroRows } from '../core/linalg/zeroRowDeflation';
import { makeDataset } from '../core/data';
import { sliceSplit } from '../core/data/split';
import { localEnergy } from '../core/flatness';
import { makeLoss } from '../core/losses';
import { makeModel } from '../core/models';
import {
  createOptimizer,
  entropySgdGradEvalsPerStep,
  makeOptimizerSpec,
  type OptimizerSpec,
} from '../core/optimizers';
import { makeTrainingProblem } from '../core/problem';
import { createRng, normalArray } from '../core/random';
import {
  createLandscapeObjective,
  evaluateOnPlane,
  filterNormalizedPlane,
  linspace,
  lossSurface,
  objectiveLoss,
  pointEvaluator,
} from '../core/slices';
import {
  denseMatrix,
  densityGrid,
  hessianOperator,
  hutchinsonTrace,
  hutchPlusPlusTrace,
  lanczos,
  slqDensity,
  stochasticLanczosQuadrature,
} from '../core/spectrum';
import type { Dataset, Model, TrainingProblem } from '../core/types';
import { hessianProducts } from '../core/slices/hessianProducts';
import { spectralDistance } from '../core/spectrum/spectralDistance';
import { analysisRounds, type AnalysisRoundBench } from './analysisRounds';
import { countingOperator } from './countingOperator';
import { median } from './medianOfRuns';
import type { BenchSizes } from './sizes';

export interface TrainingBench {
  readonly optimizer: 'sgd' | 'entropySgd';
  readonly batchSize: number;
  /** Minibatch gradients per outer step (1 for SGD, L for Entropy-SGD). */
  readonly gradEvalsPerStep: number;
  readonly stepsPerSecond: number;
  /** `mlpGradientFlops` × gradients per step. */
  readonly flopsPerStep: number;
  readonly gflops: number;
  /** gflops ÷ the backend's matmul ceiling. */
  readonly fractionOfCeiling: number;
}

export interface BackendBench {
  readonly host: 'node' | 'chromium';
  readonly backend: string;
  readonly sizes: BenchSizes;
  /** D of the MNIST MLP and of the exact-spectrum model. */
  readonly params: { readonly mlp: number; readonly exact: number };
  readonly ceiling: { readonly n: number; readonly seconds: number; readonly gflops: number };
  readonly training: readonly TrainingBench[];
  readonly hvp: {
    readonly samples: number;
    /** The app's gradient: the MLP's hand-written back-propagation (`denseChainGradient`). */
    readonly gradientSeconds: number;
    /** GFLOP/s of that gradient (`mlpGradientFlops`) ÷ the matmul ceiling. */
    readonly gradientOfCeiling: number;
    /** The same gradient recorded by tfjs's tape (`tf.grad`), for reference. */
    readonly tapeGradientSeconds: number;
    /** One product through the app's operator (`hessianProducts`: the R-operator at a kept point). */
    readonly hvpSeconds: number;
    /** Per vector, in one pass of `batch` vectors through the same operator. */
    readonly batchedSeconds: number;
    readonly batch: number;
    /** One generic double back-propagation (`hessianVectorProduct`), for reference. */
    readonly autodiffSeconds: number;
    /** HVP time ÷ gradient time. */
    readonly gradients: number;
  };
  readonly exact: {
    readonly dim: number;
    readonly seconds: number;
    /** Building H: D products in passes of the operator's batch, then the dense eigensolve. */
    readonly columnsSeconds: number;
    readonly eigenSeconds: number;
    /** Rows of H not identically zero: the order of the eigensolve after deflation. */
    readonly nonzeroRows: number;
    readonly lambdaMax: number;
  };
  /** The stochastic estimators on the exact model against its exact spectrum. */
  readonly estimatorAccuracy: {
    readonly dim: number;
    /** Tr H from the exact eigenvalues. */
    readonly trace: number;
    /** |estimate − Tr H| / |Tr H| and the estimator's own error bar ÷ |Tr H|, at the bench's products. */
    readonly hutchinson: { readonly error: number; readonly errorBar: number };
    readonly hutchPlusPlus: { readonly error: number; readonly errorBar: number };
    /** W₁(SLQ measure, exact spectrum) ÷ (λ_max − λ_min): PyHessian's 1 × 90 and the app's 8 × 40. */
    readonly slq: readonly {
      readonly probes: number;
      readonly steps: number;
      readonly distance: number;
    }[];
  };
  /** Lanczos top-k (stopped at `LANCZOS_TOLERANCE`) on the exact model against its exact spectrum. */
  readonly lanczosAccuracy: {
    readonly dim: number;
    readonly k: number;
    readonly tolerance: number;
    readonly steps: number;
    /** max_j |θ_j − λ_j| / |λ_j| over the top k. */
    readonly maxRelativeError: number;
  };
  readonly lanczos: {
    readonly dim: number;
    readonly k: number;
    readonly tolerance: number;
    readonly steps: number;
    /** max_j residual_j / |θ_j|: each θ_j is within that (relative) of an eigenvalue. */
    readonly maxRelativeResidual: number;
    readonly seconds: number;
    /** Products (HVPs) used, and the seconds outside them. */
    readonly products: number;
    readonly overheadSeconds: number;
  };
  readonly slq: {
    readonly dim: number;
    readonly probes: number;
    readonly steps: number;
    readonly seconds: number;
    readonly products: number;
    readonly overheadSeconds: number;
  };
  readonly hutchinson: {
    readonly samples: number;
    readonly mean: number;
    readonly standardError: number;
    /** standardError ÷ |mean|. */
    readonly relativeError: number;
    /** Probes a 2% relative error bar needs: n·(rel/0.02)². */
    readonly samplesFor2Percent: number;
    readonly seconds: number;
  };
  /** Hutch++ on the same operator with as many products as Hutchinson's probes. */
  readonly hutchPlusPlus: {
    /** Products used: sketch + its rank + residual probes. */
    readonly products: number;
    readonly mean: number;
    /** The residual part's standard error. */
    readonly standardError: number;
    /** standardError ÷ |mean|. */
    readonly relativeError: number;
    /**
     * Products a 2% error bar needs at most: the same sketch (2s products) and the residual
     * probes scaled as g·(rel/0.02)² — an upper bound, since a larger sketch only deflates more.
     */
    readonly productsFor2Percent: number;
    readonly seconds: number;
  };
  readonly slice: {
    readonly resolution: number;
    readonly samples: number;
    /** The decomposed slice: first-layer products once per plane, then per point. */
    readonly decomposedSeconds: number;
    /** Point-by-point, timed on `pointwisePoints` grid points and scaled to the whole grid. */
    readonly pointwiseSeconds: number;
    readonly pointwisePoints: number;
    /** pointwise ÷ decomposed. */
    readonly speedup: number;
    /** max |L_decomposed − L_pointwise| over the points evaluated both ways. */
    readonly maxLossDifference: number;
  };
  readonly localEnergy: {
    readonly samples: number;
    readonly sigmas: number;
    readonly seconds: number;
  };
  readonly memory: {
    readonly peakTensors: number;
    readonly peakBytes: number;
    readonly leakSteps: number;
    /** numTensors after `leakSteps` SGD steps minus before: must be 0. */
    readonly tensorDelta: number;
  };
  /** One analysis round of each preset's model (`analysisRounds`). */
  readonly rounds: readonly AnalysisRoundBench[];
  readonly totalSeconds: number;
}

export interface BenchOptions {
  readonly host: 'node' | 'chromium';
  readonly sizes: BenchSizes;
  /** The contents of public/data/mnist.bin. */
  readonly mnist: Uint8Array;
  readonly log?: (text: string) => void;
}

const SEED = 1;
/** Lanczos stops once every top-k residual is within this of |θ|: the peers' `eigsh(tol=1e-3)`. */
const LANCZOS_TOLERANCE = 1e-3;
/** Vectors in the batched HVP pass the bench times (the top-10's block). */
const HVP_BATCH = 10;

/**
 * FLOPs of one minibatch gradient of an MLP with layer widths `widths` = [d₀, d₁, …, d_L] on B
 * samples, counting only the matrix products (a multiply-add = 2 FLOPs): the forward X_l W_l is
 * 2·B·d_{l−1}·d_l; the backward needs ∂W_l = X_lᵀ δ_l (the same) for every layer and the input
 * gradient δ_l W_lᵀ (the same again) for every layer but the first (tfjs prunes the gradient of
 * the data). Biases, activations, the loss and the optimizer's vector updates are not counted.
 * So FLOPs = 6·B·Σ_l d_{l−1}d_l − 2·B·d₀d₁.
 */
export function mlpGradientFlops(widths: readonly number[], batch: number): number {
  let flops = 0;
  for (let l = 1; l < widths.length; l++) {
    const mac = batch * widths[l - 1]! * widths[l]!;
    flops += (l === 1 ? 4 : 6) * mac;
  }
  return flops;
}

function now(): number {
  return performance.now() / 1000;
}

/**
 * Median seconds per call of `fn`: `warmup` untimed calls, then `repeats` timed repeats, each of
 * as many calls as it takes to last about `minSeconds` (estimated from the warm-up).
 */
async function timePerCall(
  fn: () => Promise<void>,
  opts: { warmup: number; repeats: number; minSeconds?: number },
): Promise<number> {
  let estimate = Infinity;
  for (let i = 0; i < opts.warmup; i++) {
    const t0 = now();
    await fn();
    estimate = Math.min(estimate, now() - t0);
  }
  const calls =
    opts.minSeconds && Number.isFinite(estimate)
      ? Math.max(1, Math.min(1000, Math.ceil(opts.minSeconds / Math.max(estimate, 1e-6))))
      : 1;
  const samples: number[] = [];
  for (let r = 0; r < Math.max(1, opts.repeats); r++) {
    const t0 = now();
    for (let c = 0; c < calls; c++) await fn();
    samples.push((now() - t0) / calls);
  }
  return median(samples);
}

/** Seconds of one call of `fn` and its result (for the workloads run once). */
async function timeOnce<T>(fn: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const t0 = now();
  const value = await fn();
  return { seconds: now() - t0, value };
}

/**
 * Peak `numTensors` / `numBytes` over a run: wraps the engine's `trackTensor` (every new tensor
 * passes through it), so short-lived intermediates inside a tidy are counted too.
 */
function trackPeakMemory(): { peak(): { tensors: number; bytes: number }; stop(): void } {
  const engine = tf.engine();
  const original = engine.trackTensor.bind(engine);
  let tensors = engine.state.numTensors;
  let bytes = engine.state.numBytes;
  engine.trackTensor = (a, backend) => {
    original(a, backend);
    if (engine.state.numTensors > tensors) tensors = engine.state.numTensors;
    if (engine.state.numBytes > bytes) bytes = engine.state.numBytes;
  };
  return {
    peak: () => ({ tensors, bytes }),
    // The override is an own property over the prototype's method: removing it restores that.
    stop: () => void Reflect.deleteProperty(engine, 'trackTensor'),
  };
}

function mlp(dataset: Dataset, hidden: number): Model {
  return makeModel({ kind: 'mlp', hidden: [hidden], activation: 'relu', initScale: 1 }, dataset);
}

/** The matmul ceiling: GFLOP/s of an n×n by n×n product (2n³ FLOPs), summed and read back. */
async function matmulCeiling(n: number, sizes: BenchSizes): Promise<BackendBench['ceiling']> {
  const rng = createRng(SEED, 'init');
  const a = tf.tensor2d(
    Float32Array.from({ length: n * n }, () => rng.normal()),
    [n, n],
  );
  const b = tf.tensor2d(
    Float32Array.from({ length: n * n }, () => rng.normal()),
    [n, n],
  );
  try {
    const seconds = await timePerCall(
      async () => {
        const s = tf.tidy(() => tf.sum(tf.matMul(a, b)));
        await s.data();
        s.dispose();
      },
      { warmup: sizes.warmup, repeats: sizes.repeats },
    );
    return { n, seconds, gflops: (2 * n ** 3) / seconds / 1e9 };
  } finally {
    a.dispose();
    b.dispose();
  }
}

/** Outer steps per second of `spec` on `problem`: each repeat runs n steps, then reads w back. */
async function trainingSpeed(
  problem: TrainingProblem,
  spec: OptimizerSpec,
  init: Float32Array,
  sizes: BenchSizes,
): Promise<number> {
  const optimizer = createOptimizer(spec, problem, init, { seed: SEED });
  try {
    const run = async (steps: number) => {
      for (let s = 0; s < steps; s++) optimizer.step();
      await optimizer.params().data();
    };
    // Warm-up that also calibrates: double the steps until a run lasts a quarter of the target.
    let steps = 1;
    let seconds = 0;
    for (;;) {
      const t0 = now();
      await run(steps);
      seconds = now() - t0;
      if (seconds >= sizes.trainSeconds / 4 || steps >= 4096) break;
      steps *= 2;
    }
    const n = Math.max(1, Math.round((steps * sizes.trainSeconds) / seconds));
    const perStep = await timePerCall(() => run(n), { warmup: 0, repeats: sizes.repeats });
    return n / perStep;
  } finally {
    optimizer.dispose();
  }
}

/** Runs every measurement on the active backend. */
export async function runBenchmarks(options: BenchOptions): Promise<BackendBench> {
  const { sizes, host } = options;
  const log = options.log ?? (() => {});
  const backend = tf.getBackend();
  const started = now();
  const memory = trackPeakMemory();
  const tensorsAtStart = tf.memory().numTensors;
  try {
    const dataset = makeDataset(
      { kind: 'mnist', downsample: true, train: sizes.trainSamples, test: 0 },
      SEED,
      { mnist: options.mnist },
    );
    const loss = makeLoss({ kind: 'crossEntropy' }, dataset.labelKind);
    const model = mlp(dataset, sizes.hidden);
    const widths = [dataset.inputDim, sizes.hidden, dataset.classes];
    const init = model.init(createRng(SEED, 'init'));
    // The app's training path: the MLP's hand-written back-propagation.
    const problem = () =>
      makeTrainingProblem({
        model,
        loss,
        train: dataset.train,
        seed: SEED,
        denseChain: { activation: 'relu' },
      });

    log(`${backend}: matmul ceiling (${sizes.matmulSize}²)`);
    const ceiling = await matmulCeiling(sizes.matmulSize, sizes);

    const training: TrainingBench[] = [];
    for (const batchSize of sizes.batchSizes) {
      const specs: [TrainingBench['optimizer'], OptimizerSpec, number][] = [
        ['sgd', makeOptimizerSpec({ kind: 'sgd', lr: 0.05, batchSize, momentum: 0.9 }), 1],
      ];
      const esgd = makeOptimizerSpec({ kind: 'entropySgd', variant: 'scaled', batchSize });
      specs.push(['entropySgd', esgd, entropySgdGradEvalsPerStep(esgd)]);
      for (const [name, spec, gradEvalsPerStep] of specs) {
        log(`${backend}: training ${name}, batch ${batchSize}`);
        const stepsPerSecond = await trainingSpeed(problem(), spec, init, sizes);
        const flopsPerStep = gradEvalsPerStep * mlpGradientFlops(widths, batchSize);
        const gflops = (stepsPerSecond * flopsPerStep) / 1e9;
        training.push({
          optimizer: name,
          batchSize,
          gradEvalsPerStep,
          stepsPerSecond,
          flopsPerStep,
          gflops,
          fractionOfCeiling: gflops / ceiling.gflops,
        });
      }
    }

    // The landscape point: 50 SGD steps from the initialization (the same on every backend).
    const trained = createOptimizer(
      makeOptimizerSpec({ kind: 'sgd', lr: 0.05, batchSize: 64, momentum: 0.9 }),
      problem(),
      init,
      { seed: SEED },
    );
    for (let s = 0; s < 50; s++) trained.step();
    const w = Float32Array.from(await trained.params().data());
    trained.dispose();

    const landscapeSplit = sliceSplit(dataset.train, dataset.inputDim, 0, sizes.samples);
    const objective = createLandscapeObjective({
      model,
      loss,
      split: landscapeSplit,
      labelKind: dataset.labelKind,
      denseChain: { activation: 'relu' },
      blockLoss: crossEntropyOfBlocks,
    });
    const f = objectiveLoss(objective);
    // The app's operator for this objective: the hand-written R-operator at a kept forward pass.
    const hessian = hessianOperator(f, w, hessianProducts(objective));
    const counted = countingOperator(hessian);
    const appOp = counted.op;
    const wt = tf.tensor1d(w);
    const probe = tf.tensor1d(normalArray(createRng(SEED, 'probes'), w.length));
    const probeVectors = Array.from({ length: HVP_BATCH }, (_, g) =>
      Float64Array.from(normalArray(createRng(SEED + g, 'probes'), w.length)),
    );
    let hvp: BackendBench['hvp'];
    try {
      log(`${backend}: gradient vs Hessian–vector product`);
      const gradientSeconds = await timePerCall(
        async () => {
          const g = tf.tidy(() =>
            denseChainGradient(model.layout, 'relu', wt, { x: objective.x, y: objective.y }),
          );
          await g.data();
          g.dispose();
        },
        { warmup: sizes.warmup, repeats: sizes.repeats, minSeconds: sizes.callSeconds },
      );
      const tapeGradientSeconds = await timePerCall(
        async () => {
          const g = tf.tidy(() => tf.grad((u: tf.Tensor) => f(u as tf.Tensor1D))(wt));
          await g.data();
          g.dispose();
        },
        { warmup: sizes.warmup, repeats: sizes.repeats, minSeconds: sizes.callSeconds },
      );
      const hvpSeconds = await timePerCall(async () => void (await appOp.apply(probeVectors[0]!)), {
        warmup: sizes.warmup,
        repeats: sizes.repeats,
        minSeconds: sizes.callSeconds,
      });
      const batch = Math.min(HVP_BATCH, appOp.batchSize ?? 1);
      const batchedSeconds =
        (await timePerCall(
          async () => void (await applyToMany(appOp, probeVectors.slice(0, batch))),
          { warmup: sizes.warmup, repeats: sizes.repeats, minSeconds: sizes.callSeconds },
        )) / batch;
      const autodiffSeconds = await timePerCall(
        async () => {
          const h = hessianVectorProduct(f, wt, probe);
          await h.data();
          h.dispose();
        },
        { warmup: sizes.warmup, repeats: sizes.repeats, minSeconds: sizes.callSeconds },
      );
      hvp = {
        samples: sizes.samples,
        gradientSeconds,
        gradientOfCeiling:
          mlpGradientFlops(widths, sizes.samples) / gradientSeconds / 1e9 / ceiling.gflops,
        tapeGradientSeconds,
        hvpSeconds,
        batchedSeconds,
        batch,
        autodiffSeconds,
        gradients: hvpSeconds / gradientSeconds,
      };
    } finally {
      wt.dispose();
      probe.dispose();
    }

    // Exact spectrum of a ≈2k-parameter model, and every estimator against it.
    const exactModel = mlp(dataset, sizes.exactHidden);
    const exactObjective = createLandscapeObjective({
      model: exactModel,
      loss,
      split: sliceSplit(dataset.train, dataset.inputDim, 0, sizes.exactSamples),
      labelKind: dataset.labelKind,
      denseChain: { activation: 'relu' },
      blockLoss: crossEntropyOfBlocks,
    });
    const exactOp = hessianOperator(
      objectiveLoss(exactObjective),
      exactModel.init(createRng(SEED, 'init')),
      hessianProducts(exactObjective),
    );
    let exact: BackendBench['exact'];
    let lanczosAccuracy: BackendBench['lanczosAccuracy'];
    let estimatorAccuracy: BackendBench['estimatorAccuracy'];
    try {
      log(`${backend}: exact spectrum (D = ${exactModel.paramCount})`);
      const { seconds: columnsSeconds, value: dense } = await timeOnce(() => denseMatrix(exactOp));
      const { seconds: eigenSeconds, value: spectrum } = await timeOnce(async () => {
        symmetrizeInPlace(dense, exactOp.dim);
        return symmetricEigenChunked(dense, exactOp.dim, { vectors: false });
      });
      const values = spectrum.values;
      const dim = exactModel.paramCount;
      exact = {
        dim,
        seconds: columnsSeconds + eigenSeconds,
        columnsSeconds,
        eigenSeconds,
        nonzeroRows: nonzeroRows(dense, dim).length,
        lambdaMax: values[values.length - 1]!,
      };
      const k = Math.min(sizes.lanczosK, dim);
      const result = await lanczos(exactOp, {
        k,
        which: 'top',
        tolerance: LANCZOS_TOLERANCE,
        rng: createRng(SEED, 'probes'),
      });
      let worst = 0;
      result.top.forEach((pair, j) => {
        const truth = values[values.length - 1 - j]!;
        worst = Math.max(worst, Math.abs(pair.value - truth) / Math.abs(truth));
      });
      lanczosAccuracy = {
        dim,
        k,
        tolerance: LANCZOS_TOLERANCE,
        steps: result.steps,
        maxRelativeError: worst,
      };

      log(`${backend}: trace and density estimators vs the exact spectrum`);
      const trace = values.reduce((sum, v) => sum + v, 0);
      const traceError = (t: { mean: number; standardError: number }) => ({
        error: Math.abs(t.mean - trace) / Math.abs(trace),
        errorBar: t.standardError / Math.abs(trace),
      });
      const hutch = await hutchinsonTrace(exactOp, {
        samples: sizes.hutchinsonSamples,
        rng: createRng(SEED, 'probes'),
      });
      const plus = await hutchPlusPlusTrace(exactOp, {
        products: sizes.hutchinsonSamples,
        rng: createRng(SEED, 'probes'),
      });
      const width = values[values.length - 1]! - values[0]!;
      const slqAccuracy = [];
      for (const [probes, steps] of [
        [1, sizes.slqSteps],
        [8, 40],
      ] as const) {
        const q = await stochasticLanczosQuadrature(exactOp, {
          probes,
          steps,
          rng: createRng(SEED, 'probes'),
        });
        slqAccuracy.push({ probes, steps, distance: spectralDistance(q, values) / width });
      }
      estimatorAccuracy = {
        dim,
        trace,
        hutchinson: traceError(hutch),
        hutchPlusPlus: traceError(plus),
        slq: slqAccuracy,
      };
    } finally {
      exactOp.dispose();
      exactObjective.dispose();
    }

    /** Seconds of `run` on the app's operator, the products it used and the time beyond them. */
    const onOperator = async (run: () => Promise<void>, repeats: number) => {
      counted.reset();
      const seconds = await timePerCall(run, { warmup: 0, repeats });
      const calls = Math.max(1, repeats);
      return {
        seconds,
        products: Math.round(counted.counts.products / calls),
        overheadSeconds: Math.max(0, seconds - counted.counts.seconds / calls),
      };
    };
    let lanczosBench: BackendBench['lanczos'];
    let slq: BackendBench['slq'];
    let hutchinson: BackendBench['hutchinson'];
    let hutchPlusPlus: BackendBench['hutchPlusPlus'];
    try {
      log(`${backend}: Lanczos top-${sizes.lanczosK} (D = ${model.paramCount})`);
      let lanczosSteps = 0;
      let maxRelativeResidual = 0;
      const lanczosRun = await onOperator(async () => {
        const r = await lanczos(appOp, {
          k: sizes.lanczosK,
          which: 'top',
          tolerance: LANCZOS_TOLERANCE,
          rng: createRng(SEED, 'probes'),
        });
        lanczosSteps = r.steps;
        maxRelativeResidual = Math.max(...r.top.map((p) => p.residual / Math.abs(p.value)));
      }, sizes.heavyRepeats);
      lanczosBench = {
        dim: model.paramCount,
        k: sizes.lanczosK,
        tolerance: LANCZOS_TOLERANCE,
        steps: lanczosSteps,
        maxRelativeResidual,
        ...lanczosRun,
      };

      log(`${backend}: SLQ density (${sizes.slqSteps} steps)`);
      const slqRun = await onOperator(async () => {
        const q = await stochasticLanczosQuadrature(appOp, {
          probes: 1,
          steps: sizes.slqSteps,
          rng: createRng(SEED, 'probes'),
        });
        slqDensity(q, densityGrid(q));
      }, sizes.heavyRepeats);
      slq = { dim: model.paramCount, probes: 1, steps: sizes.slqSteps, ...slqRun };

      log(`${backend}: Hutchinson trace (${sizes.hutchinsonSamples} probes)`);
      const { seconds, value: trace } = await timeOnce(() =>
        hutchinsonTrace(appOp, {
          samples: sizes.hutchinsonSamples,
          rng: createRng(SEED, 'probes'),
        }),
      );
      const relativeError = trace.standardError / Math.abs(trace.mean);
      hutchinson = {
        samples: sizes.hutchinsonSamples,
        mean: trace.mean,
        standardError: trace.standardError,
        relativeError,
        samplesFor2Percent: Math.ceil(sizes.hutchinsonSamples * (relativeError / 0.02) ** 2),
        seconds,
      };

      log(`${backend}: Hutch++ trace (${sizes.hutchinsonSamples} products)`);
      const plus = await timeOnce(() =>
        hutchPlusPlusTrace(appOp, {
          products: sizes.hutchinsonSamples,
          rng: createRng(SEED, 'probes'),
        }),
      );
      const plusRelative = plus.value.standardError / Math.abs(plus.value.mean);
      const residualProbes = plus.value.samples.length;
      hutchPlusPlus = {
        products: plus.value.products,
        mean: plus.value.mean,
        standardError: plus.value.standardError,
        relativeError: plusRelative,
        productsFor2Percent:
          plus.value.products -
          residualProbes +
          Math.ceil(residualProbes * (plusRelative / 0.02) ** 2),
        seconds: plus.seconds,
      };
    } finally {
      hessian.dispose();
    }

    let slice: BackendBench['slice'];
    let energy: BackendBench['localEnergy'];
    try {
      log(`${backend}: ${sizes.sliceResolution}² slice, decomposed vs point by point`);
      const plane = filterNormalizedPlane(model.layout, w, createRng(SEED, 'directions'));
      const axis = linspace(-1, 1, sizes.sliceResolution);
      let surface = await lossSurface(
        objective,
        plane,
        { a: axis, b: axis },
        { method: 'batched' },
      );
      const decomposedSeconds = await timePerCall(
        async () => {
          surface = await lossSurface(
            objective,
            plane,
            { a: axis, b: axis },
            { method: 'batched' },
          );
        },
        { warmup: 0, repeats: sizes.heavyRepeats },
      );
      const points = Math.min(sizes.pointwisePoints, axis.length ** 2);
      const as = Float64Array.from({ length: points }, (_, g) => axis[g % axis.length]!);
      const bs = Float64Array.from(
        { length: points },
        (_, g) => axis[Math.floor(g / axis.length)]!,
      );
      let pointwise = await evaluateOnPlane(objective, plane, as, bs, { method: 'pointwise' });
      const perPoint =
        (await timePerCall(
          async () => {
            pointwise = await evaluateOnPlane(objective, plane, as, bs, { method: 'pointwise' });
          },
          { warmup: 0, repeats: Math.min(sizes.repeats, 3) },
        )) / points;
      let maxLossDifference = 0;
      for (let g = 0; g < points; g++) {
        maxLossDifference = Math.max(
          maxLossDifference,
          Math.abs(surface.loss[g]! - pointwise.loss[g]!),
        );
      }
      const pointwiseSeconds = perPoint * axis.length ** 2;
      slice = {
        resolution: sizes.sliceResolution,
        samples: sizes.samples,
        decomposedSeconds,
        pointwiseSeconds,
        pointwisePoints: points,
        speedup: pointwiseSeconds / decomposedSeconds,
        maxLossDifference,
      };

      log(`${backend}: local energy (M = ${sizes.energySamples}, ${sizes.energySigmas} σ)`);
      const sigmas = Array.from(
        { length: sizes.energySigmas },
        (_, i) => 0.01 * 50 ** (i / Math.max(1, sizes.energySigmas - 1)),
      );
      const evaluate = pointEvaluator(objective);
      const energySeconds = await timePerCall(
        async () => {
          await localEnergy(evaluate, w, { sigmas, samples: sizes.energySamples, seed: SEED });
        },
        { warmup: 1, repeats: Math.min(sizes.repeats, 3) },
      );
      energy = { samples: sizes.energySamples, sigmas: sigmas.length, seconds: energySeconds };
    } finally {
      objective.dispose();
    }

    log(`${backend}: tensor count over ${sizes.leakSteps} steps`);
    const leak = createOptimizer(
      makeOptimizerSpec({ kind: 'sgd', lr: 0.05, batchSize: 64, momentum: 0.9 }),
      problem(),
      init,
      { seed: SEED },
    );
    let tensorDelta: number;
    try {
      for (let s = 0; s < 5; s++) leak.step();
      await leak.params().data();
      const before = tf.memory().numTensors;
      for (let s = 1; s <= sizes.leakSteps; s++) {
        leak.step();
        if (s % 100 === 0 || s === sizes.leakSteps) await leak.params().data();
      }
      tensorDelta = tf.memory().numTensors - before;
    } finally {
      leak.dispose();
    }
    if (tf.memory().numTensors !== tensorsAtStart) {
      log(`${backend}: ${tf.memory().numTensors - tensorsAtStart} tensors left after the bench`);
    }
    const peak = memory.peak();
    log(`${backend}: an analysis round of each preset's model`);
    const rounds = await analysisRounds(options.mnist, {
      quick: sizes.label === 'quick',
      log: (text) => log(`${backend}: ${text}`),
    });
    return {
      host,
      backend,
      sizes,
      params: { mlp: model.paramCount, exact: exact.dim },
      ceiling,
      training,
      hvp,
      exact,
      lanczosAccuracy,
      estimatorAccuracy,
      lanczos: lanczosBench,
      slq,
      hutchinson,
      hutchPlusPlus,
      slice,
      localEnergy: energy,
      memory: {
        peakTensors: peak.tensors,
        peakBytes: peak.bytes,
        leakSteps: sizes.leakSteps,
        tensorDelta,
      },
      rounds,
      totalSeconds: now() - started,
    };
  } finally {
    memory.stop();
  }
}
