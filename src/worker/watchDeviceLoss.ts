import * as tf from '@tensorflow/tfjs-core';
import type { BackendName } from '../protocol/backend';

interface DeviceLike {
  readonly lost: Promise<{ readonly reason?: string; readonly message?: string }>;
}

/** Calls `onLost` if the WebGPU device behind the webgpu backend is lost (driver reset, GPU removed). */
export function watchDeviceLoss(backend: BackendName, onLost: (text: string) => void): void {
  if (backend !== 'webgpu') return;
  const device = (tf.backend() as unknown as { device?: DeviceLike }).device;
  void device?.lost.then((info) => onLost(info.message || info.reason || 'unknown reason'));
}
