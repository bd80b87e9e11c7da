/**
 * Test harness: the Node backends unit tests run on. `describeEachBackend` repeats a suite on cpu
 * and on wasm (threads off, as in the app), with the second-order gradient fix installed once.
 */
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core alone registers no gradients; this must run before the second-order fix.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { beforeAll, describe } from 'vitest';
import { installSecondOrderGradients } from '../core/autodiff/secondOrderGradients';

// Quiets tfjs's first-use hint about tfjs-node (which cannot be installed here) in test logs.
tf.env().set('IS_TEST', true);

export const NODE_BACKENDS = ['cpu', 'wasm'] as const;
export type NodeBackend = (typeof NODE_BACKENDS)[number];

let wasmConfigured = false;

/** Selects `name` and waits until it is ready; throws if tfjs refuses it. */
export async function useBackend(name: NodeBackend): Promise<void> {
  if (name === 'wasm' && !wasmConfigured) {
    const require = createRequire(import.meta.url);
    const dist = dirname(
      require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'),
    );
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    setWasmPaths(`${dist}/`);
    wasmConfigured = true;
  }
  // Gradients are registered globally (every backend); the call is idempotent.
  installSecondOrderGradients();
  const ok = await tf.setBackend(name);
  if (!ok) throw new Error(`tfjs refused the ${name} backend`);
  await tf.ready();
}

/** `describe` once per Node backend, with that backend selected before the suite's tests. */
export function describeEachBackend(title: string, body: (backend: NodeBackend) => void): void {
  for (const backend of NODE_BACKENDS) {
    describe(`${title} [${backend}]`, () => {
      beforeAll(() => useBackend(backend));
      body(backend);
    });
  }
}
