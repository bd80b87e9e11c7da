/**
 * The backend ladder (DESIGN.md): webgpu → webgl → wasm → cpu. `tf.setBackend` fails quietly by
 * returning false, so every rung is checked. Without a hardware GPU (a fallback WebGPU adapter,
 * a software WebGL renderer) wasm is the fastest rung measured, so 'auto' starts there and says why.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import {
  BACKEND_LADDER,
  type BackendAttempt,
  type BackendChoice,
  type BackendName,
  type BackendReport,
} from '../protocol/backend';
import { probeWebGlRenderer, probeWebGpuAdapter } from './gpuProbe';
import { measureStepTime, wasmIsFaster } from './measureStepTime';

let wasmConfigured = false;

function configureWasm(): void {
  if (wasmConfigured) return;
  // Multithreaded wasm stays off (measured 2026-12-02, 2 vCPUs, Chromium 156):
  // - tfjs-backend-wasm 4.22 gives XNNPACK at most hardwareConcurrency / 2 threads (backend.cc),
  //   so on 2 vCPUs the threaded build runs one thread plus pthread overhead (matmul ceiling
  //   31 vs 39 GF/s);
  // - forced to 2 threads it lifts the ceiling to 63 GF/s and an HVP from 5.4 to 3.4 ms, but
  //   training steps of the presets' small models got slower and the page shares those cores;
  // - in a minified build the pthreads fail ("e is not defined"): tfjs starts them from
  //   `factory.toString()`, and the minifier drops the `typeof _scriptDir` guards inside it.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  setWasmPaths({
    'tfjs-backend-wasm.wasm': wasmPlainUrl,
    'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
    'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
  });
  wasmConfigured = true;
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
 * `avoid` lists rungs that already failed in this tab (a crash, a lost device).
 */
export async function selectBackend(
  requested: BackendChoice,
  avoid: readonly BackendName[] = [],
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
