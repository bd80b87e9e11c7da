/**
 * Browser tests' global setup: serves the built app (`dist/`, made by `vite build` before the
 * browser project runs) with `vite preview` on a free local port and hands its URL to the tests.
 */
import { existsSync } from 'node:fs';
import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
  }
}

let server: PreviewServer | null = null;

export async function setup(project: TestProject): Promise<void> {
  if (!existsSync('dist/index.html')) {
    throw new Error('dist/ is missing: run `vite build` first (npm run test:browser does).');
  }
  server = await preview({
    preview: { port: 0, strictPort: false, host: '127.0.0.1' },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  project.provide('appUrl', url);
}

export async function teardown(): Promise<void> {
  await server?.close();
  server = null;
}
