/**
 * `npm run bench` still works: the quick benchmarks on wasm in the built app's bench page, and the
 * main-thread probe on the app. Checks that every measure is reported, never how fast it is.
 */
import { describe, expect, inject, it } from 'vitest';
import { benchInChromium, measureAppPage } from '../bench/browser';
import { markdownTable } from '../bench/report';
import { useChromium } from './chromium';

const appUrl = inject('appUrl');
const chromium = useChromium();

describe('npm run bench (quick, wasm)', () => {
  it('measures every benchmark on the bench page and watches the app', async () => {
    const outcome = await benchInChromium(chromium.context(), appUrl, 'wasm', {
      quick: true,
      timeoutMs: 60_000,
    });
    if (outcome.status !== 'ok')
      throw new Error(`bench page: ${outcome.status}: ${outcome.reason}`);
    const b = outcome.result;
    expect(b.backend).toBe('wasm');
    expect(b.sizes.label).toBe('quick');
    const positive = [
      b.ceiling.gflops,
      ...b.training.map((t) => t.stepsPerSecond),
      b.hvp.gradients,
      b.exact.seconds,
      b.lanczos.seconds,
      b.slq.seconds,
      b.hutchinson.seconds,
      b.hutchPlusPlus.seconds,
      b.slice.decomposedSeconds,
      b.slice.pointwiseSeconds,
      b.localEnergy.seconds,
      b.memory.peakTensors,
    ];
    for (const x of positive) expect(x).toBeGreaterThan(0);
    expect(b.training).toHaveLength(4);
    expect(b.lanczosAccuracy.maxRelativeError).toBeLessThan(1e-2);
    // Stopped at its tolerance: every top-k residual within it, before the fixed-step cap.
    expect(b.lanczos.maxRelativeResidual).toBeLessThanOrEqual(b.lanczos.tolerance);
    expect(b.lanczos.products).toBeGreaterThan(0);
    // Decomposed and point-by-point slices evaluate the same function.
    expect(b.slice.maxLossDifference).toBeLessThan(1e-3);
    expect(b.memory.tensorDelta).toBe(0);

    const page = await measureAppPage(chromium.context(), appUrl, 'wasm', 2);
    expect(page.backend).toBe('wasm');
    expect(page.steps).toBeGreaterThan(0);
    expect(page.snapshots).toBeGreaterThan(0);
    expect(page.snapshotLatencyMs.median).toBeGreaterThan(0);

    const table = markdownTable({
      version: 1,
      date: new Date().toISOString(),
      quick: true,
      machine: { cpus: 1, cpuModel: 'test', platform: 'test', node: 'test', chromium: null },
      entries: [{ host: 'chromium', backend: 'wasm', status: 'ok', bench: b, page }],
      totalSeconds: 0,
    });
    expect(table).toContain('| HVP cost in gradients | ≤ 2.2 |');
  });
});
