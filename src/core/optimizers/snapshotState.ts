/** Moving optimizer state between tensors and plain snapshots. */
import * as tf from '@tensorflow/tfjs-core';
import type { Tensor1D } from '@tensorflow/tfjs-core';
import type { OptimizerKind } from './optimizerSpec';
import type { OptimizerSnapshot } from './optimizer';

/** A tensor holding a copy of `values` (the caller may reuse its array). */
export function vectorTensor(values: Float32Array): Tensor1D {
  return tf.tensor1d(Float32Array.from(values));
}

/**
 * Copies of the tensors' values, read asynchronously (allowed on every backend). Every read starts
 * before the first await, so a `step()` that replaces the tensors meanwhile cannot spoil it.
 */
export async function readVectors(
  tensors: Readonly<Record<string, Tensor1D>>,
): Promise<Record<string, Float32Array>> {
  const entries = Object.entries(tensors);
  const values = await Promise.all(entries.map(([, t]) => t.data<'float32'>()));
  const out: Record<string, Float32Array> = {};
  entries.forEach(([name], i) => (out[name] = Float32Array.from(values[i]!)));
  return out;
}

/** Throws if `snapshot` was not taken from an optimizer of `kind` on D parameters. */
export function checkSnapshot(snapshot: OptimizerSnapshot, kind: OptimizerKind, d: number): void {
  if (snapshot.version !== 1) {
    throw new Error(`unknown optimizer snapshot version ${String(snapshot.version)}`);
  }
  if (snapshot.kind !== kind) {
    throw new Error(`cannot resume a ${kind} optimizer from a ${snapshot.kind} snapshot`);
  }
  for (const [name, v] of Object.entries(snapshot.vectors)) {
    if (v.length !== d)
      throw new Error(`snapshot vector ${name} has ${v.length} entries, not ${d}`);
  }
}

/** The snapshot's vector `name` as a tensor, or `undefined` if absent. */
export function restoreVector(snapshot: OptimizerSnapshot, name: string): Tensor1D | undefined {
  const v = snapshot.vectors[name];
  return v === undefined ? undefined : vectorTensor(v);
}

/** The snapshot's vector `name` as a tensor; throws if it is absent. */
export function requireVector(snapshot: OptimizerSnapshot, name: string): Tensor1D {
  const t = restoreVector(snapshot, name);
  if (t === undefined) throw new Error(`snapshot has no vector ${name}`);
  return t;
}
