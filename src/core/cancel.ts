import type { CancelSignal } from './types';

/** Raised by a chunked computation whose signal was aborted. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/** Throws `CancelledError` if `signal` is aborted; call between chunks. */
export function throwIfCancelled(signal: CancelSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError();
}
