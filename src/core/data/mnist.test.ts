import { beforeAll, describe, expect, it } from 'vitest';
import { ensureMnistBin } from '../../data-build/mnist';
import { makeDataset } from './makeDataset';
import { encodeMnist, mnistSplit, parseMnist } from './mnist';

let bytes: Uint8Array;

beforeAll(() => {
  // Reads public/data/mnist.bin, building it from the `mnist` package first if it is missing.
  bytes = ensureMnistBin();
});

describe('MNIST', () => {
  it('parses 10,000 28×28 digits with labels 0–9, about 1,000 of each', () => {
    const images = parseMnist(bytes);
    expect(images.count).toBe(10_000);
    expect([images.rows, images.cols]).toEqual([28, 28]);
    expect(images.pixels.length).toBe(10_000 * 784);
    const counts = new Array<number>(10).fill(0);
    for (const y of images.labels) counts[y] = (counts[y] ?? 0) + 1;
    for (const c of counts) expect(c).toBeGreaterThan(800);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(10_000);
    // Real digits: mostly background, some saturated ink.
    let ink = 0;
    for (let i = 0; i < 784; i++) if ((images.pixels[i] ?? 0) > 200) ink++;
    expect(ink).toBeGreaterThan(20);
    expect(ink).toBeLessThan(400);
  });

  it('round-trips the binary layout and refuses a wrong magic or a truncated file', () => {
    const tiny = {
      count: 2,
      rows: 2,
      cols: 2,
      labels: Uint8Array.from([3, 7]),
      pixels: Uint8Array.from([0, 255, 10, 20, 30, 40, 50, 60]),
    };
    const encoded = encodeMnist(tiny);
    const back = parseMnist(encoded);
    expect(back.count).toBe(2);
    expect([...back.labels]).toEqual([3, 7]);
    expect([...back.pixels]).toEqual([...tiny.pixels]);
    expect(() => parseMnist(encoded.subarray(0, encoded.length - 1))).toThrow(/truncated/);
    const bad = encoded.slice();
    bad[0] = 0;
    expect(() => parseMnist(bad)).toThrow(/magic/);
  });

  it('downsamples 2×2 blocks by averaging, pixels scaled to [0, 1]', () => {
    const images = parseMnist(
      encodeMnist({
        count: 1,
        rows: 2,
        cols: 4,
        labels: Uint8Array.from([1]),
        pixels: Uint8Array.from([0, 255, 255, 255, 255, 0, 255, 255]),
      }),
    );
    const full = mnistSplit(images, [0], false);
    expect(full.x[1]).toBe(1);
    const small = mnistSplit(images, [0], true);
    expect(small.count).toBe(1);
    expect([...small.x]).toEqual([0.5, 1]);
  });

  it('makes seeded 28×28 and 14×14 subsets', () => {
    const spec = { kind: 'mnist', train: 300, test: 100, downsample: false } as const;
    const a = makeDataset(spec, 1, { mnist: bytes });
    expect(a.inputDim).toBe(784);
    expect(a.classes).toBe(10);
    expect(a.train.count).toBe(300);
    expect(a.test.count).toBe(100);
    expect(a.train.x.reduce((m, v) => Math.max(m, v), 0)).toBeCloseTo(1, 5);
    expect(makeDataset(spec, 1, { mnist: bytes }).train.y).toEqual(a.train.y);
    expect(makeDataset(spec, 2, { mnist: bytes }).train.y).not.toEqual(a.train.y);
    const small = makeDataset({ ...spec, downsample: true }, 1, { mnist: bytes });
    expect(small.inputDim).toBe(196);
    expect(small.train.y).toEqual(a.train.y);
    expect(small.train.x.length).toBe(300 * 196);
    expect(() => makeDataset(spec, 1)).toThrow(/sources.mnist/);
  });
});
