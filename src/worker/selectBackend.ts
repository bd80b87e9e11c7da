/**
 * The backend ladder (DESIGN.md): webgpu → webgl → wasm → cpu. `tf.setBackend` fails quietly by
 * returning false, so every rung is checked. Without a hardware GPU (a fallback WebGPU adapter,
 * a software WebGL renderer) wasm is the fastest rung measured, so 'auto' starts there and says why.
 * On wasm, threads are tried where tfjs would run at least two (`planWasmThreads`) and kept only
 * if a test step is measured faster with them; the build makes them startable when minified
 * (src/build/tfjsWasmThreads.ts) and the servers send the isolation headers (vite.config.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import {
  BACKEND_LADDER,
  type BackendAttempt,
  type BackendChoice,
  type BackendName,
  type BackendReport,
  type WasmThreadMode,
  type WasmThreads,
} from '../protocol/backend';
import { probeWebGlRenderer, probeWebGpuAdapter } from './gpuProbe';
import { measureStepTime, wasmIsFaster } from './measureStepTime';
import { planWasmThreads, threadsMeasuredFaster } from './wasmThreadPlan';

let wasmConfigured = false;

function configureWasm(): void {
  if (wasmConfigured) return;
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  setWasmPaths({
    'tfjs-backend-wasm.wasm': wasmPlainUrl,
    'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
    'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
  });
  wasmConfigured = true;
}

/** tfjs-backend-wasm's registration priority (its WASM_PRIORITY). */
const WASM_PRIORITY = 2;
/** A threaded start that has not finished by then is taken as failed (pthreads that never start). */
const THREADED_START_MS = 10_000;
/**
 * The batch of the step that decides threads: the presets train at 64–128, where a step costs its
 * kernel launches (bench: SGD at batch 64 ran 802 steps/s single-threaded, 379 with 2 threads).
 */
const THREAD_PROBE_SAMPLES = 64;
/** How long after a failed threaded start the errors of its dying threads are still caught. */
const THREAD_ERROR_GRACE_MS = 3_000;

/**
 * Replaces the wasm backend by a fresh one with or without threads: tfjs chooses its binary once,
 * at the backend's init, so switching means removing the instance and registering the factory
 * again. Only at start-up, before any tensor lives on it. A threaded start fails, instead of
 * crashing this worker, when a pthread dies while starting (Emscripten rethrows its error here)
 * or when it has not finished within `THREADED_START_MS`.
 */
async function restartWasm(threads: boolean): Promise<string | null> {
  configureWasm();
  const factory = tf.findBackendFactory('wasm');
  if (!factory) return 'the wasm backend is not registered';
  tf.removeBackend('wasm');
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', threads);
  tf.registerBackend('wasm', factory, WASM_PRIORITY);
  if (!threads) return trySetBackend('wasm');
  let fail: (why: string) => void = () => undefined;
  const failed = new Promise<string>((resolve) => (fail = resolve));
  let threadFailed = false;
  const onError = (event: ErrorEvent) => {
    event.preventDefault();
    threadFailed = true;
    fail('a thread died while starting (its error is in the console)');
  };
  self.addEventListener('error', onError);
  const timer = setTimeout(
    () => fail(`it did not start within ${THREADED_START_MS / 1000} s`),
    THREADED_START_MS,
  );
  const outcome = await Promise.race([trySetBackend('wasm'), failed]);
  clearTimeout(timer);
  // Every thread of a failed start dies on its own, within milliseconds of the first: keep
  // catching their errors a while longer, then let errors reach the page again.
  if (outcome === null && !threadFailed) self.removeEventListener('error', onError);
  else setTimeout(() => self.removeEventListener('error', onError), THREAD_ERROR_GRACE_MS);
  return threadFailed ? await failed : outcome;
}

/**
 * With wasm active single-threaded: tries tfjs's threaded build where it would run ≥ 2 threads
 * (`planWasmThreads`), times a test step both ways, and keeps the faster. `force` (the bench's
 * threaded column) keeps threads wherever they start, `off` does not try them. Leaves wasm active.
 */
async function settleWasmThreads(mode: WasmThreadMode): Promise<WasmThreads> {
  const plan = planWasmThreads({
    crossOriginIsolated: self.crossOriginIsolated === true,
    hardwareConcurrency: navigator.hardwareConcurrency,
  });
  if (mode === 'off')
    return { count: 1, detail: 'one thread: a threaded engine crashed in this tab' };
  if (!plan.tryThreads) return { count: 1, detail: plan.why };
  const singleMs = mode === 'force' ? Number.NaN : await measureStepTime(150, THREAD_PROBE_SAMPLES);
  const failure = await restartWasm(true);
  if (failure === null) {
    const count = getThreadsCount();
    if (mode === 'force') return { count, detail: `${count} threads, as asked` };
    const threadedMs = await measureStepTime(150, THREAD_PROBE_SAMPLES);
    const measuredMs = { single: singleMs, threaded: threadedMs };
    const timing = `${count} threads ${threadedMs.toFixed(2)} ms vs 1 thread ${singleMs.toFixed(2)} ms per test step`;
    if (count > 1 && threadsMeasuredFaster(singleMs, threadedMs)) {
      return { count, detail: `${count} threads: ${timing}`, measuredMs };
    }
    const restored = await restartWasm(false);
    if (restored !== null) throw new Error(`wasm did not restart single-threaded: ${restored}`);
    const verdict = threadedMs < singleMs ? 'not 10% faster' : 'slower';
    return { count: 1, detail: `one thread: ${timing}, ${verdict}`, measuredMs };
  }
  const restored = await restartWasm(false);
  if (restored !== null) throw new Error(`wasm did not restart single-threaded: ${restored}`);
  return { count: 1, detail: `one thread: threaded wasm did not start (${failure})` };
}

async function trySetBackend(name: BackendName): Promise<string | null> {
  try {
    if (name === 'wasm') configureWasm();
    const ok = await tf.setBackend(name);
    if (!ok) return 'tfjs could not initialise it';
    await tf.ready();
    // A backend that registers but cannot compute is worse than none: check one small op.
    const probe = tf.tidy(() => tf.sum(tf.mul(tf.tensor1d([1, 2, 3]), 2)));
    const value = (await probe.data())[0];
    probe.dispose();
    return value === 12 ? null : `a test sum returned ${value} instead of 12`;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Chooses and activates a backend. `requested` forces a rung (falling further down if it fails);
 * `avoid` lists rungs that already failed in this tab (a crash, a lost device); `wasmThreadMode`
 * says how threads are settled when wasm is the rung.
 */
export async function selectBackend(
  requested: BackendChoice,
  avoid: readonly BackendName[] = [],
  wasmThreadMode: WasmThreadMode = 'measure',
): Promise<BackendReport> {
  const gpuAdapter = await probeWebGpuAdapter();
  const attempts: BackendAttempt[] = [];
  let reason: string;
  let start: number;

  if (requested !== 'auto') {
    start = BACKEND_LADDER.indexOf(requested);
    reason = `${requested} was requested`;
  } else if (gpuAdapter && !gpuAdapter.isFallback) {
    start = 0;
    reason = `hardware WebGPU adapter (${gpuAdapter.description})`;
  } else {
    const webgl = probeWebGlRenderer();
    const gpuWhy = gpuAdapter
      ? `the WebGPU adapter is a software fallback (${gpuAdapter.description})`
      : 'no WebGPU adapter';
    if (webgl && !webgl.isSoftware) {
      start = BACKEND_LADDER.indexOf('webgl');
      reason = `${gpuWhy}; WebGL runs on ${webgl.renderer}`;
    } else {
      start = BACKEND_LADDER.indexOf('wasm');
      reason = `${gpuWhy} and WebGL ${webgl ? 'renders in software' : 'is unavailable'}: wasm is faster here`;
      for (const skipped of BACKEND_LADDER.slice(0, start)) {
        attempts.push({ name: skipped, outcome: 'skipped', detail: 'no hardware GPU' });
      }
    }
  }

  for (const name of BACKEND_LADDER.slice(start)) {
    if (avoid.includes(name)) {
      attempts.push({ name, outcome: 'skipped', detail: 'failed earlier in this tab' });
      continue;
    }
    const failure = await trySetBackend(name);
    if (failure === null) {
      if (
        requested === 'auto' &&
        (name === 'webgpu' || name === 'webgl') &&
        !avoid.includes('wasm')
      ) {
        // A hardware GPU is usually faster; measure rather than assume (an integrated GPU with a
        // slow driver can lose to wasm-SIMD on small models).
        const gpuMs = await measureStepTime();
        if ((await trySetBackend('wasm')) === null) {
          const wasmMs = await measureStepTime();
          const timing = `${name} ${gpuMs.toFixed(1)} ms vs wasm ${wasmMs.toFixed(1)} ms per test step`;
          if (wasmIsFaster(gpuMs, wasmMs)) {
            attempts.push({ name, outcome: 'skipped', detail: `slower here: ${timing}` });
            attempts.push({ name: 'wasm', outcome: 'chosen', detail: timing });
            return {
              name: 'wasm',
              requested,
              gpuAdapter,
              wasmThreads: await settleWasmThreads(wasmThreadMode),
              reason: `measured faster: ${timing}`,
              attempts,
              secondOrderError: null,
            };
          }
          reason = `${reason}; measured ${timing}`;
          await trySetBackend(name);
        }
      }
      attempts.push({ name, outcome: 'chosen', detail: reason });
      const webglRenderer = name === 'webgl' ? probeWebGlRenderer() : null;
      const wasmThreads = name === 'wasm' ? await settleWasmThreads(wasmThreadMode) : null;
      const fellBack = attempts.some((a) => a.outcome === 'failed');
      const why = fellBack
        ? `${attempts
            .filter((a) => a.outcome === 'failed')
            .map((a) => `${a.name} failed (${a.detail})`)
            .join('; ')}`
        : reason;
      return {
        name,
        requested,
        gpuAdapter,
        webglRenderer,
        wasmThreads,
        reason: why,
        attempts,
        secondOrderError: null,
      };
    }
    attempts.push({ name, outcome: 'failed', detail: failure });
  }
  throw new Error(
    `no tfjs backend could start: ${attempts.map((a) => `${a.name}: ${a.detail}`).join('; ')}`,
  );
}
