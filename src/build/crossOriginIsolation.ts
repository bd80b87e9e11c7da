/**
 * The two response headers that make a page cross-origin isolated, without which it has no
 * SharedArrayBuffer and wasm no threads. Vite's dev and preview servers send them
 * (vite.config.ts); static hosts read the same pair from public/_headers (a test keeps them equal).
 */
export const CROSS_ORIGIN_ISOLATION: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};
