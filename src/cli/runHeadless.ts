/**
 * Runs an experiment to a given step count on the same engine the page uses, in Node: a Session
 * whose host is this process. Training waits for analyses, so every run of the same spec on the
 * same backend gives the same numbers.
 */
import * as tf from '@tensorflow/tfjs-core';
import { createExperiment } from '../engine/experiment';
import { DEFAULT_TIMING, Session, type SessionHost } from '../engine/session';
import type { ExportDocument } from '../protocol/exportFormat';
import type { ExperimentSpec } from '../protocol/experimentSpec';
import type { FromWorker } from '../protocol/messages';
import type { DataSources } from '../core/data/makeDataset';

type Snapshot = Extract<FromWorker, { type: 'snapshot' }>;

export interface HeadlessOptions {
  /** Train for this many lockstep ticks, or until the first run has taken this many steps. */
  readonly until: { readonly ticks: number } | { readonly steps: number };
  readonly sources: DataSources;
  /** Called with the ticks done and the ticks (or steps) asked for as training proceeds. */
  readonly onProgress?: (done: number, total: number, notices: readonly string[]) => void;
}

class NodeHost implements SessionHost {
  latest: Snapshot | null = null;
  readonly notices: string[] = [];
  private exportWaiter: ((doc: ExportDocument) => void) | null = null;
  private error: Error | null = null;

  constructor(private readonly sources: DataSources) {}

  post(message: FromWorker): void {
    if (message.type === 'snapshot') this.latest = message;
    else if (message.type === 'export') this.exportWaiter?.(message.document);
    else if (message.type === 'notice' || message.type === 'fatal') this.notices.push(message.text);
  }
  now(): number {
    return performance.now();
  }
  yieldToHost(): Promise<void> {
    return new Promise((resolve) => setImmediate(resolve));
  }
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }
  numTensors(): number {
    return tf.memory().numTensors;
  }
  backendName(): string {
    return tf.getBackend();
  }
  fault(error: unknown): void {
    this.error =
      error instanceof Error ? error : new Error(`engine fault: ${JSON.stringify(error)}`);
  }
  createExperiment = (spec: ExperimentSpec) => createExperiment(spec, this.sources, null);

  /** Rethrows an error the scheduler reported. */
  check(): void {
    if (this.error) throw this.error;
  }

  nextExport(): Promise<ExportDocument> {
    return new Promise((resolve) => (this.exportWaiter = resolve));
  }
}

async function until(host: NodeHost, done: (s: Snapshot) => boolean): Promise<Snapshot> {
  for (;;) {
    host.check();
    const s = host.latest;
    if (s && done(s)) return s;
    await host.yieldToHost();
  }
}

/**
 * Trains `spec` for `options.until` (ticks, or steps of its first run), analyses the end point,
 * exports it.
 */
export async function runHeadless(
  spec: ExperimentSpec,
  options: HeadlessOptions,
): Promise<ExportDocument> {
  const host = new NodeHost(options.sources);
  // Training waits for every analysis, so each lands on its tick; no pacing by time.
  const session = await Session.start(
    host,
    spec,
    0,
    null,
    { ...DEFAULT_TIMING, analysesBlockTraining: true },
    'fast',
  );
  try {
    const idle = (s: Snapshot) => s.status === 'paused' && !session.analysing;
    const anyRunning = () => host.latest?.runs.some((r) => r.status === 'running') ?? false;
    const tick = () => session.current.tick;
    if ('ticks' in options.until) {
      const total = options.until.ticks;
      if (total > tick()) session.handle({ type: 'step', ticks: total - tick() });
      let reported = -1;
      await until(host, (s) => {
        if (tick() !== reported) options.onProgress?.((reported = tick()), total, host.notices);
        return (tick() >= total || !anyRunning()) && idle(s);
      });
    } else {
      const total = options.until.steps;
      const steps = () => host.latest?.runs[0]?.steps ?? 0;
      // One tick tells how many steps a tick is; then ask for the rest, a few ticks at a time.
      while (steps() < total && anyRunning()) {
        const before = tick();
        const remaining = Math.ceil((total - steps()) / Math.max(1, spec.tickGradEvals));
        session.handle({ type: 'step', ticks: Math.max(1, Math.min(remaining, 50)) });
        await until(host, (s) => (tick() > before && idle(s)) || !anyRunning());
        options.onProgress?.(steps(), total, host.notices);
      }
    }
    // The final state's analyses, at the final weights.
    session.handle({ type: 'analyse' });
    await session.settle();
    host.check();
    const exported = host.nextExport();
    session.handle({ type: 'export', requestId: 1 });
    return await exported;
  } finally {
    await session.stop();
  }
}
