/**
 * The bench page: starts the bench worker on the backend named in `?backend=`, mirrors its log on
 * the page and the console, and leaves the outcome on `window.benchOutcome` for `npm run bench`.
 */
import type { BenchMessage, BenchOutcome, BenchRequest } from '../pageProtocol';

declare global {
  interface Window {
    benchOutcome?: BenchOutcome;
  }
}

const params = new URLSearchParams(location.search);
const requested = params.get('backend') ?? 'wasm';
const backends: readonly BenchRequest['backend'][] = ['webgpu', 'webgl', 'wasm', 'cpu'];
const logElement = document.getElementById('log');

function log(text: string): void {
  console.info(`[bench] ${text}`);
  if (logElement) logElement.textContent += `${text}\n`;
}

function finish(outcome: BenchOutcome): void {
  window.benchOutcome = outcome;
  document.title = `bench ${outcome.type}`;
}

const backend = backends.find((b) => b === requested);
if (!backend) {
  finish({ type: 'error', text: `unknown backend ${JSON.stringify(requested)}` });
} else {
  const worker = new Worker(new URL('../worker/bench.worker.ts', import.meta.url), {
    type: 'module',
  });
  worker.onmessage = (event: MessageEvent<BenchMessage>) => {
    const message = event.data;
    if (message.type === 'log') log(message.text);
    else {
      if (message.type !== 'done')
        log(`${message.type}: ${message.type === 'error' ? message.text : message.reason}`);
      finish(message);
      worker.terminate();
    }
  };
  worker.onerror = (event) => finish({ type: 'error', text: event.message || 'worker error' });
  const request: BenchRequest = {
    backend,
    quick: params.get('quick') === '1',
    ...(params.has('threads') ? { threads: Number(params.get('threads')) } : {}),
    dataUrl: new URL('/data/mnist.bin', location.href).href,
  };
  worker.postMessage(request);
}
