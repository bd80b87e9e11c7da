import type { DataSources } from '../core/data/makeDataset';
import type { ExperimentSpec } from '../protocol/experimentSpec';

const cache = new Map<string, Uint8Array>();

/** Fetches the data files `spec` needs (only MNIST has one), once per worker. */
export async function loadDataSources(spec: ExperimentSpec, dataUrl: string): Promise<DataSources> {
  if (spec.dataset.kind !== 'mnist') return {};
  const url = new URL('mnist.bin', dataUrl).href;
  let bytes = cache.get(url);
  if (!bytes) {
    const response = await fetch(url);
    if (!response.ok)
      throw new Error(`could not load the MNIST digits (${response.status} ${url})`);
    bytes = new Uint8Array(await response.arrayBuffer());
    cache.set(url, bytes);
  }
  return { mnist: bytes };
}
