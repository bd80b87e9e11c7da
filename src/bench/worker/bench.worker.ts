/**
 * The bench worker: starts the requested backend the way the app's worker does (selectBackend,
 * the gradient registrations, the second-order fix), loads the MNIST bytes and runs the shared
 * measurements of src/bench/measure.ts on it.
 */
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { installSecondOrderGradients } from '../../core/autodiff';
import { selectBackend } from '../../worker/selectBackend';
import { runBenchmarks } from '../measure';
import type { BenchMessage, BenchRequest } from '../pageProtocol';
import { sizesFor } from '../sizes';

declare const self: DedicatedWorkerGlobalScope;

function post(message: BenchMessage): void {
  self.postMessage(message);
}

async function run(request: BenchRequest): Promise<void> {
  const threads = request.threads;
  if (threads !== undefined) {
    // tfjs's threaded wasm runs hardwareConcurrency / 2 threads: report twice the threads asked.
    Object.defineProperty(WorkerNavigator.prototype, 'hardwareConcurrency', {
      get: () => 2 * threads,
    });
  }
  const report = await selectBackend(request.backend, [], threads ? 'force' : 'measure');
  if (report.name !== request.backend) {
    post({ type: 'unavailable', reason: report.reason });
    return;
  }
  if (threads !== undefined && report.wasmThreads?.count !== threads) {
    post({
      type: 'unavailable',
      reason: `wasm with ${threads} threads did not start: ${report.wasmThreads?.detail ?? 'not wasm'}`,
    });
    return;
  }
  installSecondOrderGradients();
  const response = await fetch(request.dataUrl);
  if (!response.ok) throw new Error(`could not load ${request.dataUrl} (${response.status})`);
  const mnist = new Uint8Array(await response.arrayBuffer());
  const result = await runBenchmarks({
    host: 'chromium',
    sizes: sizesFor(request.backend, request.quick),
    mnist,
    log: (text) => post({ type: 'log', text }),
  });
  post({ type: 'done', result, gpuAdapter: report.gpuAdapter });
}

self.onmessage = (event: MessageEvent<BenchRequest>) => {
  run(event.data).catch((error: unknown) => {
    post({
      type: 'error',
      text: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  });
};
