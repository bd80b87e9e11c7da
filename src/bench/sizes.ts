/**
 * How big each benchmark is. One table of sizes for the full run, a tiny one for `--quick`, and
 * scaled-down variants for the backends that are slow without a GPU (WebGPU on SwiftShader, the
 * plain-JS cpu backend), so the whole `npm run bench` finishes in a few minutes on 2 cores.
 */

export interface BenchSizes {
  /** 'full', 'quick' or 'scaled …': printed under the table when not 'full'. */
  readonly label: string;
  /** Untimed calls before timing a light workload. */
  readonly warmup: number;
  /** Timed repeats of light workloads (training, gradient, HVP, batched slice, local energy). */
  readonly repeats: number;
  /**
   * Timed repeats of heavy workloads (Lanczos, SLQ, the batched slice), each already many HVPs or
   * chunks after a warm-up. The exact spectrum and Hutchinson's estimate run once.
   */
  readonly heavyRepeats: number;
  /** Side n of the n×n·n×n matmul that measures the backend's ceiling. */
  readonly matmulSize: number;
  /** Target duration of one timed training repeat, seconds (steps per repeat adapt to it). */
  readonly trainSeconds: number;
  /** Target duration of one timed gradient/HVP repeat, seconds. */
  readonly callSeconds: number;
  readonly batchSizes: readonly number[];
  /** Training samples of the MNIST subset the optimizers draw minibatches from. */
  readonly trainSamples: number;
  /** Samples the landscape instruments (HVP, spectrum, slice, local energy) use. */
  readonly samples: number;
  /** Hidden width of the MNIST MLP 196–h–10 (128: D = 26,506). */
  readonly hidden: number;
  /** Hidden width of the exact-spectrum model 196–h–10 (10: D = 2,080). */
  readonly exactHidden: number;
  /** Samples the exact-spectrum model's loss uses. */
  readonly exactSamples: number;
  /** k of Lanczos top-k. */
  readonly lanczosK: number;
  /** Lanczos steps m of one SLQ probe. */
  readonly slqSteps: number;
  readonly hutchinsonSamples: number;
  /** Grid side of the slice (41: 1,681 points). */
  readonly sliceResolution: number;
  /** Point-by-point evaluation is timed on this many grid points and scaled to the grid. */
  readonly pointwisePoints: number;
  /** Local energy: draws M per σ and how many σ. */
  readonly energySamples: number;
  readonly energySigmas: number;
  /** Training steps over which the tensor count must not change. */
  readonly leakSteps: number;
  /** Seconds the default experiment runs in the app while the page is measured. */
  readonly pageSeconds: number;
}

export const FULL_SIZES: BenchSizes = {
  label: 'full',
  warmup: 2,
  repeats: 5,
  heavyRepeats: 1,
  matmulSize: 1024,
  trainSeconds: 0.3,
  callSeconds: 0.2,
  batchSizes: [64, 512],
  trainSamples: 5000,
  samples: 1000,
  hidden: 128,
  exactHidden: 10,
  exactSamples: 200,
  lanczosK: 10,
  slqSteps: 90,
  hutchinsonSamples: 50,
  sliceResolution: 41,
  pointwisePoints: 64,
  energySamples: 32,
  energySigmas: 8,
  leakSteps: 1000,
  pageSeconds: 10,
};

export const QUICK_SIZES: BenchSizes = {
  label: 'quick',
  warmup: 1,
  repeats: 1,
  heavyRepeats: 1,
  matmulSize: 128,
  trainSeconds: 0.03,
  callSeconds: 0.02,
  batchSizes: [64, 512],
  trainSamples: 1000,
  samples: 200,
  hidden: 32,
  exactHidden: 1,
  exactSamples: 200,
  lanczosK: 10,
  slqSteps: 30,
  hutchinsonSamples: 10,
  sliceResolution: 11,
  pointwisePoints: 16,
  energySamples: 4,
  energySigmas: 8,
  leakSteps: 100,
  pageSeconds: 3,
};

/**
 * The sizes for one backend. Without a GPU, WebGPU runs on SwiftShader (the slowest rung by far),
 * WebGL renders in software and cpu is plain JavaScript: they get fewer samples, a smaller exact
 * model and fewer repeats.
 */
export function sizesFor(backend: string, quick: boolean): BenchSizes {
  if (quick) return QUICK_SIZES;
  if (backend === 'webgpu' || backend === 'webgl' || backend === 'cpu') {
    return {
      ...FULL_SIZES,
      label: backend === 'webgpu' ? 'scaled (webgpu on SwiftShader)' : `scaled (${backend})`,
      repeats: 3,
      matmulSize: 512,
      trainSeconds: 0.2,
      samples: 250,
      exactHidden: backend === 'webgpu' ? 2 : 4,
      exactSamples: 100,
      hutchinsonSamples: 20,
      pointwisePoints: 16,
      leakSteps: backend === 'webgpu' ? 200 : 1000,
    };
  }
  return FULL_SIZES;
}
