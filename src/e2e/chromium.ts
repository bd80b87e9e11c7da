/**
 * Headless Chromium for the browser tests and the bench: Debian's /usr/bin/chromium driven by
 * playwright-core (never a downloaded browser), with the flags of DESIGN.md "The backend ladder".
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// No `--use-angle=swiftshader`: it sends the page's compositing through SwiftShader GL (~60 ms of
// a core per frame here, 40–45 fps while training); Chrome without a GPU composites in software.
// WebGL still gets SwiftShader from `--enable-unsafe-swiftshader`.
const FLAGS = [
  '--no-sandbox',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--enable-unsafe-webgpu',
  '--enable-unsafe-swiftshader',
];

export interface BrowserSession {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh browser with a fresh profile directory; `close` removes both. */
export async function launchChromium(): Promise<BrowserSession> {
  const profile = mkdtempSync(join(tmpdir(), 'flatland-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: FLAGS,
    viewport: { width: 1366, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Collects the page's console errors and uncaught exceptions, for a "no errors" assertion. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/**
 * One browser for a test file: launched before its tests and closed after them. `newPage()` opens
 * a page whose console errors and uncaught exceptions are collected in `errors`.
 */
export function useChromium(): {
  readonly context: () => BrowserContext;
  newPage(): Promise<{ page: Page; errors: string[] }>;
} {
  let browser: BrowserSession | null = null;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  const context = () => {
    if (!browser) throw new Error('the browser starts in beforeAll');
    return browser.context;
  };
  return {
    context,
    async newPage() {
      const page = await context().newPage();
      return { page, errors: collectErrors(page) };
    },
  };
}
