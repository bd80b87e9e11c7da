/**
 * `window.flatland`: the page's store and engine client, for the browser tests and for curious
 * users in the console. One type, shared by main.tsx (which sets it) and the browser tests (which
 * read it inside `page.evaluate`), so that a test reads the store's real fields, checked by the
 * compiler, instead of a hand-written copy of their shape.
 */
import type { EngineClient } from './client/engineClient';
import type { appStore } from './store/appStore';

export interface PageHandle {
  readonly store: typeof appStore;
  readonly client: EngineClient;
}

declare global {
  interface Window {
    flatland: PageHandle;
  }
}
