/**
 * The client owns the worker's life: a crash or a lost GPU device starts a new worker one rung
 * down the ladder, resumed from the last checkpoint, and says so in words.
 */
import { describe, expect, it } from 'vitest';
import type { Checkpoint } from '../protocol/checkpoint';
import type { FromWorker, ToWorker } from '../protocol/messages';
import { defaultExperimentSpec } from '../protocol/defaultExperiment';
import { EngineClient, type EngineClientEvents } from './engineClient';

class FakeWorker {
  readonly sent: ToWorker[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(message: ToWorker): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(message: FromWorker): void {
    this.onmessage?.({ data: message } as MessageEvent<FromWorker>);
  }
  crash(text: string): void {
    this.onerror?.({ message: text, preventDefault() {} } as ErrorEvent);
  }
}

function setup() {
  const workers: FakeWorker[] = [];
  const notices: string[] = [];
  const recovered: (Checkpoint | null)[] = [];
  const events: EngineClientEvents = {
    ready() {},
    snapshot() {},
    notice: (_level, text) => notices.push(text),
    recovered: (c) => recovered.push(c),
  };
  const client = new EngineClient(
    events,
    () => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    },
    () => 'http://localhost/data/',
  );
  return { client, workers, notices, recovered };
}

const report = (name: 'webgpu' | 'wasm', threads = 1) =>
  ({
    type: 'ready',
    version: 1,
    backend: {
      name,
      requested: 'auto',
      gpuAdapter: null,
      wasmThreads: name === 'wasm' ? { count: threads, detail: '' } : null,
      reason: '',
      attempts: [],
      secondOrderError: 1e-7,
    },
  }) as const;

const checkpoint: Checkpoint = { generation: 0, tick: 12, runs: [] };

function snapshotWith(c: Checkpoint): FromWorker {
  return {
    type: 'snapshot',
    version: 1,
    generation: 0,
    status: 'playing',
    tick: c.tick,
    waiting: false,
    runs: [],
    numTensors: 3,
    analysis: null,
    analysisTick: null,
    progress: null,
    checkpoint: c,
  };
}

describe('EngineClient', () => {
  it('restarts on the next backend after a lost device, resuming and playing on', () => {
    const { client, workers, notices, recovered } = setup();
    client.start(defaultExperimentSpec(), 'auto');
    workers[0]!.reply(report('webgpu'));
    client.play();
    workers[0]!.reply(snapshotWith(checkpoint));
    workers[0]!.reply({ type: 'deviceLost', backend: 'webgpu', text: 'driver reset' });

    expect(workers[0]!.terminated).toBe(true);
    const start = workers[1]!.sent[0]!;
    expect(start.type).toBe('start');
    if (start.type !== 'start') return;
    expect(start.avoid).toEqual(['webgpu']);
    expect(start.resume).toEqual(checkpoint);
    expect(recovered).toEqual([checkpoint]);
    expect(notices[0]).toMatch(/device was lost.*resumed from tick 12/);
    workers[1]!.reply(report('wasm'));
    expect(workers[1]!.sent.at(-1)).toEqual({ type: 'play' });
  });

  it('retries a crashed wasm worker once on wasm, then steps down, then gives up', () => {
    const { client, workers, notices } = setup();
    client.start(defaultExperimentSpec(), 'wasm');
    workers[0]!.reply(report('wasm'));
    workers[0]!.crash('boom');
    const retry = workers[1]!.sent[0]!;
    expect(retry.type === 'start' && retry.avoid).toEqual([]);
    workers[1]!.reply(report('wasm'));
    workers[1]!.crash('boom again');
    const down = workers[2]!.sent[0]!;
    expect(down.type === 'start' && down.avoid).toEqual(['wasm']);
    for (let i = 2; i < 4; i++) workers[i]!.crash('and again');
    expect(workers).toHaveLength(5);
    workers[4]!.crash('last');
    expect(workers).toHaveLength(5);
    expect(notices.at(-1)).toMatch(/gave up.*reload the page/);
  });

  it('retries a crashed threaded wasm worker on wasm with one thread, for the rest of the tab', () => {
    const { client, workers, notices } = setup();
    client.start(defaultExperimentSpec(), 'auto');
    const first = workers[0]!.sent[0]!;
    expect(first.type === 'start' && first.wasmThreads).toBe('measure');
    workers[0]!.reply(report('wasm', 4));
    workers[0]!.crash('a pthread died');
    const retry = workers[1]!.sent[0]!;
    expect(retry.type === 'start' && retry.avoid).toEqual([]);
    expect(retry.type === 'start' && retry.wasmThreads).toBe('off');
    workers[1]!.reply(report('wasm', 1));
    workers[1]!.crash('boom');
    const down = workers[2]!.sent[0]!;
    expect(down.type === 'start' && down.avoid).toEqual(['wasm']);
    expect(down.type === 'start' && down.wasmThreads).toBe('off');
    expect(notices[0]).toMatch(/crashed: a pthread died\. Restarted/);
    // A new start (another experiment from the page) measures threads again.
    client.start(defaultExperimentSpec(), 'auto');
    const fresh = workers.at(-1)!.sent[0]!;
    expect(fresh.type === 'start' && fresh.wasmThreads).toBe('measure');
  });

  it('ignores messages from a worker it has replaced', () => {
    const { client, workers, notices } = setup();
    client.start(defaultExperimentSpec(), 'auto');
    client.simulateCrash();
    workers[0]!.reply({ type: 'notice', level: 'info', text: 'stale' });
    expect(notices.some((n) => n === 'stale')).toBe(false);
  });
});
