/**
 * Whether multithreaded wasm is worth trying here, and whether a measurement says to keep it.
 *
 * tfjs-backend-wasm 4.22 sizes its pthread pool, and so XNNPACK's threads, at
 * min(4, max(1, hardwareConcurrency / 2)) (its PTHREAD_POOL_SIZE, tensorflow/tfjs#4957), and
 * threads need SharedArrayBuffer, which a browser gives only to a cross-origin-isolated page
 * (COOP + COEP headers). Below 4 logical cores the threaded build runs one thread plus pthread
 * overhead: measured on 2 vCPUs, a matmul ceiling of 31 against 39 GF/s single-threaded.
 */

export type WasmThreadPlan =
  | { readonly tryThreads: true; readonly threads: number }
  | { readonly tryThreads: false; readonly why: string };

/** The XNNPACK threads tfjs's threaded build would run on `cores` logical cores. */
export function tfjsWasmThreadCount(cores: number): number {
  return Math.min(4, Math.max(1, Math.floor((Number.isFinite(cores) ? cores : 1) / 2)));
}

export function planWasmThreads(env: {
  readonly crossOriginIsolated: boolean;
  readonly hardwareConcurrency: number;
}): WasmThreadPlan {
  if (!env.crossOriginIsolated) {
    return {
      tryThreads: false,
      why: 'one thread: threads need a cross-origin-isolated page (COOP and COEP headers)',
    };
  }
  const threads = tfjsWasmThreadCount(env.hardwareConcurrency);
  if (threads < 2) {
    return {
      tryThreads: false,
      why: `one thread: tfjs's threaded wasm runs half the cores, 1 thread on ${env.hardwareConcurrency}`,
    };
  }
  return { tryThreads: true, threads };
}

/**
 * Keep threads only if a step is clearly faster with them (≥ 10%): the page's own drawing shares
 * the same cores, and a tie is not worth the extra workers.
 */
export function threadsMeasuredFaster(singleMs: number, threadedMs: number): boolean {
  return Number.isFinite(singleMs) && Number.isFinite(threadedMs) && threadedMs <= 0.9 * singleMs;
}
