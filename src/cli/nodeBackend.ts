/**
 * tfjs in Node for the CLI: the cpu backend, or wasm with its binaries read from node_modules
 * (threads off, as in the app), and the second-order gradient fix.
 */
// The umbrella package registers tfjs's gradients in Node (tfjs-core alone does not).
import '@tensorflow/tfjs';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { installSecondOrderGradients } from '../core/autodiff';

export type NodeBackendName = 'cpu' | 'wasm';

export async function startNodeBackend(name: NodeBackendName): Promise<void> {
  // tfjs prints a hint about tfjs-node on first use in Node; it cannot be installed here.
  tf.env().set('IS_TEST', true);
  if (name === 'wasm') {
    const require = createRequire(import.meta.url);
    const dist = dirname(
      require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'),
    );
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    setWasmPaths(`${dist}/`);
  }
  if (!(await tf.setBackend(name))) throw new Error(`tfjs could not start the ${name} backend`);
  await tf.ready();
  installSecondOrderGradients();
}
