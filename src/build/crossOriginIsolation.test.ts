import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../vite.config';
import { CROSS_ORIGIN_ISOLATION } from './crossOriginIsolation';

describe('cross-origin isolation', () => {
  it('is sent by the dev and preview servers', () => {
    expect(config.server?.headers).toEqual(CROSS_ORIGIN_ISOLATION);
    expect(config.preview?.headers).toEqual(CROSS_ORIGIN_ISOLATION);
  });

  it('is what public/_headers asks static hosts to send on every path', () => {
    const text = readFileSync(join(import.meta.dirname, '../../public/_headers'), 'utf8');
    const [path, ...lines] = text.trim().split('\n');
    expect(path).toBe('/*');
    const headers = Object.fromEntries(
      lines.map((line) => line.trim().split(/:\s*/, 2) as [string, string]),
    );
    expect(headers).toEqual(CROSS_ORIGIN_ISOLATION);
  });
});
