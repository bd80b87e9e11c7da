/**
 * The scheduler in Node: lockstep fairness by gradient evaluations, the analysis cadence,
 * cancellation, NaN isolation, snapshots with exactly-once series, and no tensor leaks.
 */
import * as tf from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, it } from 'vitest';
import { completeSpec } from '../protocol/completeSpec';
import { makeOptimizerSpec } from '../core/optimizers/optimizerSpec';
import type { AnalysisUpdate } from '../protocol/analysis';
import type { ExperimentSpec } from '../protocol/experimentSpec';
import type { FromWorker } from '../protocol/messages';
import { useBackend } from '../testing/backends.node';
import { createExperiment } from './experiment';
import { Session, type SessionHost } from './session';

type Snapshot = Extract<FromWorker, { type: 'snapshot' }>;

function spec(overrides: Partial<ExperimentSpec> = {}): ExperimentSpec {
  return {
    ...completeSpec({
      seed: 3,
      dataset: { kind: 'moons', train: 120, test: 60 },
      model: { kind: 'mlp', hidden: [8], activation: 'tanh' },
      runs: [
        { id: 'sgd', label: 'SGD', optimizer: { kind: 'sgd', lr: 0.2, batchSize: 16 } },
        {
          id: 'esgd',
          label: 'Entropy-SGD',
          optimizer: { kind: 'entropySgd', variant: 'scaled', batchSize: 16 },
        },
      ],
      tickGradEvals: 10,
      budget: 0,
      analysis: { every: 0, spectrum: 'off', slice: null, flatness: null },
    }),
    ...overrides,
  };
}

class TestHost implements SessionHost {
  readonly messages: FromWorker[] = [];
  faults: unknown[] = [];
  private clock = 0;
  post(message: FromWorker): void {
    this.messages.push(message);
  }
  now(): number {
    // Every reading advances the clock: slices end after a few ticks, snapshots are throttled.
    this.clock += 5;
    return this.clock;
  }
  yieldToHost(): Promise<void> {
    return new Promise((resolve) => setImmediate(resolve));
  }
  /** The fake clock jumps: no real time passes. */
  readonly sleeps: number[] = [];
  sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.clock += ms;
    return this.yieldToHost();
  }
  numTensors(): number {
    return tf.memory().numTensors;
  }
  backendName(): string {
    return tf.getBackend();
  }
  fault(error: unknown): void {
    this.faults.push(error);
  }
  createExperiment = (s: ExperimentSpec) => createExperiment(s, {}, null);
  snapshots(): Snapshot[] {
    return this.messages.filter((m): m is Snapshot => m.type === 'snapshot');
  }
  /** Waits until `predicate` holds for the newest snapshot. */
  async until(predicate: (s: Snapshot) => boolean, what: string): Promise<Snapshot> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const last = this.snapshots().at(-1);
      if (last && predicate(last)) return last;
      await this.yieldToHost();
    }
    const s = this.snapshots().at(-1);
    throw new Error(
      `timed out waiting for ${what}: ${JSON.stringify({ tick: s?.tick, status: s?.status, waiting: s?.waiting, a: s?.analysisTick, p: s?.progress })}`,
    );
  }
}

/** Concatenates the series chunks of one run over all snapshots (checking none overlaps or skips). */
function seriesOf(host: TestHost, runId: string, key: 'gradEvals' | 'trainLoss'): number[] {
  const out: number[] = [];
  for (const snap of host.snapshots()) {
    const chunk = snap.runs.find((r) => r.id === runId)?.series;
    if (!chunk) continue;
    expect(chunk.start).toBe(out.length);
    out.push(...chunk.columns[key]);
  }
  return out;
}

let session: Session | null = null;
afterEach(async () => {
  await session?.stop();
  session = null;
});

describe('Session', () => {
  it('advances runs in lockstep by gradient evaluations and streams each point once', async () => {
    await useBackend('cpu');
    const host = new TestHost();
    session = await Session.start(host, spec(), 0, null);
    session.handle({ type: 'step', ticks: 6 });
    await host.until(
      (s) => s.runs.every((r) => r.gradEvals >= 60) && s.status === 'paused',
      '6 ticks',
    );
    const sgd = seriesOf(host, 'sgd', 'gradEvals');
    const esgd = seriesOf(host, 'esgd', 'gradEvals');
    expect(sgd).toEqual([0, 10, 20, 30, 40, 50, 60]);
    // Entropy-SGD ('scaled', L = 5) spends 5 per step: it lands on each target exactly too.
    expect(esgd).toEqual([0, 10, 20, 30, 40, 50, 60]);
    const losses = seriesOf(host, 'sgd', 'trainLoss');
    expect(losses.at(-1)!).toBeLessThan(losses[0]!);
    expect(host.faults).toEqual([]);
  });

  it('stops a diverging run with a reason and keeps the other going', async () => {
    await useBackend('cpu');
    const host = new TestHost();
    const diverging = spec();
    const runs = [
      {
        ...diverging.runs[0]!,
        optimizer: makeOptimizerSpec({ kind: 'sgd', lr: 1e6, batchSize: 16 }),
      },
      { ...diverging.runs[0]!, id: 'calm', label: 'calm' },
    ];
    session = await Session.start(host, { ...diverging, runs }, 0, null);
    session.handle({ type: 'step', ticks: 8 });
    const last = await host.until(
      (s) => s.status === 'paused' && s.runs.find((r) => r.id === 'calm')!.gradEvals >= 80,
      'eight ticks',
    );
    const bad = last.runs.find((r) => r.id === 'sgd')!;
    const calm = last.runs.find((r) => r.id === 'calm')!;
    expect(bad.status).toBe('diverged');
    expect(bad.reason).toMatch(/learning rate/);
    expect(calm.status).toBe('running');
    // Its history up to the divergence is kept.
    expect(seriesOf(host, 'sgd', 'trainLoss').length).toBeGreaterThan(1);
  });

  const jobsOf = (u: AnalysisUpdate): string[] => [
    ...(u.slice ? ['slice'] : []),
    ...(u.flatness.length > 0 ? ['flatness'] : []),
    ...(u.spectra.length > 0 ? ['spectrum'] : []),
  ];

  it('runs analyses at the cadence, at later points each time, and can cancel', async () => {
    await useBackend('cpu');
    const host = new TestHost();
    const withAnalysis = spec({
      analysis: {
        every: 2,
        wait: false,
        spectrum: 'exact',
        slice: { plane: 'threePoints', extent: 1, resolution: 9 },
        flatness: { sigmas: [0.05, 0.2], radii: [0.05], draws: 4, tolerance: 0 },
      },
    });
    session = await Session.start(host, withAnalysis, 0, null);
    await session.settle();
    // The first analysis lands in parts, cheapest first: slice, flatness, then the spectra.
    const parts = host.snapshots().filter((s) => s.analysis && s.analysisTick === 0);
    expect(parts.map((s) => jobsOf(s.analysis!))).toEqual([['slice'], ['flatness'], ['spectrum']]);
    const first = {
      spectra: parts.flatMap((s) => s.analysis!.spectra),
      flatness: parts.flatMap((s) => s.analysis!.flatness),
      slice: parts.find((s) => s.analysis!.slice)?.analysis!.slice,
    };
    expect(first.spectra.map((s) => s.runId)).toEqual(['sgd', 'esgd']);
    const d = first.spectra[0]!.eigenvalues.length;
    expect(d).toBeGreaterThan(0);
    expect(first.slice?.loss.length).toBe(81);
    expect(first.flatness).toHaveLength(2);

    session.handle({ type: 'step', ticks: 4 });
    await host.until((s) => s.status === 'paused' && s.runs[0]!.gradEvals >= 40, 'four ticks');
    await session.settle();
    // The cadence (every 2 ticks) analysed the runs again, at later points of their training.
    const spectra = host.snapshots().flatMap((s) => s.analysis?.spectra ?? []);
    const sgdSteps = spectra.filter((s) => s.runId === 'sgd').map((s) => s.gradEvals);
    expect(sgdSteps.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...sgdSteps)).toBeGreaterThanOrEqual(20);
    for (const s of spectra) expect(s.lambdaMax).toBe(s.eigenvalues[s.eigenvalues.length - 1]);

    // A cancel between chunks stops the analysis without an error notice.
    const before = host.messages.length;
    session.handle({ type: 'analyse' });
    session.handle({ type: 'cancelAnalysis' });
    await session.settle();
    expect(host.messages.slice(before).some((m) => m.type === 'notice')).toBe(false);
  });

  it('leaks no tensors over many ticks and a reset', async () => {
    await useBackend('cpu');
    const host = new TestHost();
    session = await Session.start(host, spec(), 0, null);
    session.handle({ type: 'step', ticks: 5 });
    await host.until((s) => s.status === 'paused' && s.runs[0]!.gradEvals >= 50, 'warm-up');
    const warm = tf.memory().numTensors;
    session.handle({ type: 'step', ticks: 50 });
    await host.until((s) => s.status === 'paused' && s.runs[0]!.gradEvals >= 550, 'fifty ticks');
    expect(tf.memory().numTensors).toBe(warm);
    session.handle({ type: 'reset', spec: spec() });
    await host.until((s) => s.generation === 1, 'reset');
    expect(tf.memory().numTensors).toBe(warm);
  });

  const quickAnalysis = {
    every: 4,
    wait: false,
    spectrum: 'exact',
    slice: null,
    flatness: { sigmas: [0.1], radii: [0.1], draws: 2, tolerance: 0 },
  } as const;

  /** For every snapshot: the tick the runs are at and the tick of the newest analysis landed. */
  function lags(host: TestHost): { tick: number; shown: number }[] {
    let shown = Number.NEGATIVE_INFINITY;
    return host.snapshots().map((s) => {
      if (s.analysisTick !== null) shown = s.analysisTick;
      return { tick: s.tick, shown };
    });
  }

  it('plays to its budget and stops there, its last analysis on the budget tick', async () => {
    await useBackend('cpu');
    const host = new TestHost();
    session = await Session.start(
      host,
      spec({ budget: 10, analysis: quickAnalysis }),
      0,
      null,
      undefined,
      'fast',
    );
    session.handle({ type: 'play' });
    await host.until((s) => s.status === 'paused' && s.tick === 10, 'the budget');
    await session.settle();
    expect(session.current.tick).toBe(10);
    // Every cadence point was analysed, and nothing else: 0, 4, 8 and the budget (each analysis
    // lands in parts, one snapshot per finished panel).
    const analysed = host
      .snapshots()
      .flatMap((s) => (s.analysisTick === null ? [] : [s.analysisTick]));
    expect([...new Set(analysed)]).toEqual([0, 4, 8, 10]);
    // Play at the end goes on beyond the experiment, until paused.
    session.handle({ type: 'play' });
    await host.until((s) => s.tick >= 14, 'ticks beyond the budget');
    session.handle({ type: 'pause' });
    await host.until((s) => s.status === 'paused', 'pause');
    expect(session.current.tick).toBeGreaterThan(10);
  });

  it('never lets the runs get more than one cadence ahead of the analysis on screen', async () => {
    await useBackend('cpu');
    const host = new TestHost();
    session = await Session.start(
      host,
      spec({ budget: 24, analysis: quickAnalysis }),
      0,
      null,
      undefined,
      'fast',
    );
    session.handle({ type: 'play' });
    await host.until((s) => s.status === 'paused' && s.tick === 24, 'the budget');
    await session.settle();
    const seen = lags(host).filter((l) => l.tick > 0);
    expect(seen.length).toBeGreaterThan(3);
    for (const { tick, shown } of seen) expect(tick - shown).toBeLessThanOrEqual(4);
    // The page was told while training waited.
    expect(host.snapshots().some((s) => s.waiting)).toBe(true);
    expect(host.snapshots().at(-1)?.waiting).toBe(false);
  });

  it('unpaced, training runs beside the analyses and may get further ahead', async () => {
    await useBackend('cpu');
    const host = new TestHost();
    const slow = {
      ...quickAnalysis,
      flatness: { sigmas: [0.1, 0.2, 0.3], radii: [0.1], draws: 40, tolerance: 0 },
    };
    session = await Session.start(
      host,
      spec({ budget: 40, analysis: slow }),
      0,
      null,
      undefined,
      'unpaced',
    );
    session.handle({ type: 'play' });
    await host.until((s) => s.status === 'paused' && s.tick === 40, 'the budget');
    await session.settle();
    expect(host.snapshots().some((s) => s.waiting)).toBe(false);
    expect(Math.max(...lags(host).map((l) => l.tick - l.shown))).toBeGreaterThan(4);
  });

  it('at normal pace spreads the budget over PACE_SECONDS of the (fake) clock', async () => {
    await useBackend('cpu');
    const host = new TestHost();
    session = await Session.start(host, spec({ budget: 30 }), 0, null, undefined, 'normal');
    session.handle({ type: 'play' });
    await host.until((s) => s.status === 'paused' && s.tick === 30, 'the budget');
    // 30 ticks in 30 s: ~1 s between ticks, slept in the host's clock, not in real time.
    const slept = host.sleeps.reduce((a, b) => a + b, 0);
    expect(slept).toBeGreaterThan(25_000);
    expect(slept).toBeLessThan(31_000);
    // 'fast' does not sleep at all.
    const fast = new TestHost();
    const other = await Session.start(fast, spec({ budget: 30 }), 0, null, undefined, 'fast');
    other.handle({ type: 'play' });
    await fast.until((s) => s.status === 'paused' && s.tick === 30, 'the budget');
    await other.stop();
    expect(fast.sleeps).toEqual([]);
  });
});
