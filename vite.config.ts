/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { CROSS_ORIGIN_ISOLATION } from './src/build/crossOriginIsolation.ts';
import { tfjsWasmThreads } from './src/build/tfjsWasmThreads.ts';

// One config for the app, its worker and both test projects:
// - unit: Node, cpu and wasm backends, everything under src but the browser tests;
// - browser: headless Chromium (playwright-core) against the built app served by `vite preview`.
export default defineConfig({
  base: './',
  plugins: [react(), tfjsWasmThreads()],
  worker: { format: 'es', plugins: () => [tfjsWasmThreads()] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    // The app, and the page `npm run bench` drives in Chromium (dist/src/bench/page/index.html).
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        bench: fileURLToPath(new URL('./src/bench/page/index.html', import.meta.url)),
      },
    },
  },
  server: { port: 5173, headers: CROSS_ORIGIN_ISOLATION },
  preview: { port: 4173, headers: CROSS_ORIGIN_ISOLATION },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts'],
          exclude: ['src/e2e/**', 'node_modules/**'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['src/e2e/**/*.e2e.ts'],
          globalSetup: ['src/e2e/serveBuiltApp.ts'],
          testTimeout: 180_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
