/**
 * The worker entry: a thin host of the engine. It picks the backend, installs the second-order
 * gradient fix, builds the session, and relays messages. All logic lives in src/engine and src/core.
 */
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core's browser build registers no gradients by itself (the umbrella package does); the
// second-order fix then replaces some of them at start-up.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { installSecondOrderGradients } from '../core/autodiff';
import { SECOND_ORDER_TOLERANCE, checkSecondOrder } from '../core/autodiff/checkSecondOrder';
import type { DataSources } from '../core/data/makeDataset';
import { createExperiment } from '../engine/experiment';
import { JobRunner } from '../engine/jobs/jobRunner';
import { Session, type SessionHost } from '../engine/session';
import { PROTOCOL_VERSION, type FromWorker, type ToWorker } from '../protocol/messages';
import { loadDataSources } from './loadDataSources';
import { selectBackend } from './selectBackend';
import { watchDeviceLoss } from './watchDeviceLoss';

declare const self: DedicatedWorkerGlobalScope;

function post(message: FromWorker, transfer: ArrayBuffer[] = []): void {
  // Snapshots carry the time they left (the bench measures the latency to the screen).
  const stamped =
    message.type === 'snapshot'
      ? { ...message, sentAt: performance.timeOrigin + performance.now() }
      : message;
  self.postMessage(stamped, transfer);
}

/** Yields to the event loop faster than setTimeout (no 4 ms clamp) so messages get through. */
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
function yieldToHost(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}

let session: Session | null = null;
const queued: Exclude<ToWorker, { type: 'start' | 'job' | 'cancelJob' }>[] = [];
/** The data files of the running experiment, for the jobs that measure its weights. */
let sources: DataSources = {};
const jobs = new JobRunner(
  post,
  yieldToHost,
  () => performance.now(),
  () => sources,
);

async function start(message: Extract<ToWorker, { type: 'start' }>): Promise<void> {
  if (message.version !== PROTOCOL_VERSION) {
    post({
      type: 'fatal',
      text: `The page and the engine disagree on the protocol version; reload the page.`,
    });
    return;
  }
  const selected = await selectBackend(message.backend, message.avoid, message.wasmThreads);
  installSecondOrderGradients();
  const check = await checkSecondOrder();
  const backend = { ...selected, secondOrderError: check.relativeError };
  if (!(check.relativeError <= SECOND_ORDER_TOLERANCE)) {
    post({
      type: 'notice',
      level: 'error',
      text: `Second derivatives on ${backend.name} are off by ${check.relativeError.toExponential(1)} against the closed form: Hessian spectra on this backend cannot be trusted. Choose another backend.`,
    });
  }
  watchDeviceLoss(backend.name, (text) =>
    post({ type: 'deviceLost', backend: backend.name, text }),
  );
  post({ type: 'ready', version: PROTOCOL_VERSION, backend });
  const host: SessionHost = {
    post,
    now: () => performance.now(),
    yieldToHost,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    numTensors: () => tf.memory().numTensors,
    backendName: () => tf.getBackend(),
    fault: (error) => {
      // Rethrown outside the promise chain, it reaches the page's worker.onerror: the client
      // restarts the engine and resumes from the last checkpoint.
      setTimeout(() => {
        throw error instanceof Error ? error : new Error(String(error));
      });
    },
    createExperiment: async (spec, resume) => {
      sources = await loadDataSources(spec, message.dataUrl);
      return createExperiment(spec, sources, resume);
    },
  };
  session = await Session.start(
    host,
    message.spec,
    message.generation,
    message.resume,
    undefined,
    message.pace,
  );
  for (const command of queued.splice(0)) session.handle(command);
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'start') {
    start(message).catch((error: unknown) => {
      post({ type: 'fatal', text: error instanceof Error ? error.message : String(error) });
    });
  } else if (message.type === 'job' || message.type === 'cancelJob') {
    jobs.handle(message);
  } else if (session) {
    session.handle(message);
  } else {
    queued.push(message);
  }
};
