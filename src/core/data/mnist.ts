/**
 * The bundled MNIST digits: a compact binary written by `npm run data` (src/data-build/mnist.ts)
 * and parsed here from bytes (the core does no IO).
 *
 * Layout, little-endian: bytes 0–3 the magic "FLMN"; 4–7 uint32 count; 8 rows (28); 9 cols (28);
 * 10–15 reserved (0); then `count` uint8 labels 0–9; then count·rows·cols uint8 pixels (0–255),
 * image by image, row-major.
 */
import type { Split } from '../types';

export const MNIST_MAGIC = 'FLMN';
export const MNIST_HEADER_BYTES = 16;

export interface MnistImages {
  readonly count: number;
  readonly rows: number;
  readonly cols: number;
  /** [count], digits 0–9. */
  readonly labels: Uint8Array;
  /** [count, rows·cols], grey levels 0–255. */
  readonly pixels: Uint8Array;
}

/** Encodes images in the layout above (used by the build script). */
export function encodeMnist(images: MnistImages): Uint8Array {
  const { count, rows, cols } = images;
  const out = new Uint8Array(MNIST_HEADER_BYTES + count + count * rows * cols);
  for (let k = 0; k < 4; k++) out[k] = MNIST_MAGIC.charCodeAt(k);
  new DataView(out.buffer).setUint32(4, count, true);
  out[8] = rows;
  out[9] = cols;
  out.set(images.labels.subarray(0, count), MNIST_HEADER_BYTES);
  out.set(images.pixels.subarray(0, count * rows * cols), MNIST_HEADER_BYTES + count);
  return out;
}

/** Parses the bytes written by `encodeMnist`; throws on a wrong magic or a truncated file. */
export function parseMnist(bytes: Uint8Array): MnistImages {
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== MNIST_MAGIC) throw new Error(`not a Flatland MNIST file (magic ${magic})`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(4, true);
  const rows = bytes[8] ?? 0;
  const cols = bytes[9] ?? 0;
  const need = MNIST_HEADER_BYTES + count + count * rows * cols;
  if (bytes.byteLength < need) {
    throw new Error(`truncated MNIST file: ${bytes.byteLength} bytes, expected ${need}`);
  }
  const labels = bytes.subarray(MNIST_HEADER_BYTES, MNIST_HEADER_BYTES + count);
  const pixels = bytes.subarray(MNIST_HEADER_BYTES + count, need);
  return { count, rows, cols, labels, pixels };
}

/**
 * The images at `indices` as a split: pixels scaled to [0, 1], optionally 2×2-average-pooled
 * (28×28 → 14×14). Inputs [indices.length, rows·cols] or [·, (rows/2)·(cols/2)]; class labels.
 */
export function mnistSplit(
  images: MnistImages,
  indices: ArrayLike<number>,
  downsample: boolean,
): Split {
  const { rows, cols } = images;
  const outRows = downsample ? rows >> 1 : rows;
  const outCols = downsample ? cols >> 1 : cols;
  const dim = outRows * outCols;
  const n = indices.length;
  const x = new Float32Array(n * dim);
  const y = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const i = indices[k] ?? 0;
    const img = images.pixels.subarray(i * rows * cols, (i + 1) * rows * cols);
    y[k] = images.labels[i] ?? 0;
    for (let r = 0; r < outRows; r++) {
      for (let c = 0; c < outCols; c++) {
        let v: number;
        if (downsample) {
          const r2 = 2 * r;
          const c2 = 2 * c;
          v =
            (img[r2 * cols + c2] ?? 0) +
            (img[r2 * cols + c2 + 1] ?? 0) +
            (img[(r2 + 1) * cols + c2] ?? 0) +
            (img[(r2 + 1) * cols + c2 + 1] ?? 0);
          v /= 4 * 255;
        } else {
          v = (img[r * cols + c] ?? 0) / 255;
        }
        x[k * dim + r * outCols + c] = v;
      }
    }
  }
  return { x, y, count: n };
}
