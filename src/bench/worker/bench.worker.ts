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
  const report = await selectBackend(request.backend);
  if (report.name !== request.backend) {
    post({ type: 'unavailable', reason: report.reason });
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
