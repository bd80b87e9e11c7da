/**
 * The page's static assets are tracked in `public/`: every icon, manifest and preview image
 * `index.html` names exists there (a fresh clone serves them), and the manifest's icons too.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const html = readFileSync(join(root, 'index.html'), 'utf8');

/** The public file a root-relative URL of index.html points at. */
const publicFile = (url: string) => join(root, 'public', url.replace(/^\.?\//, ''));

describe('public/', () => {
  const urls = [
    ...html.matchAll(/<link rel="(?:icon|manifest)" href="([^"]+)"/g),
    ...html.matchAll(/<meta property="og:image" content="([^"]+)"/g),
  ].map((m) => m[1]!);

  it('holds every asset index.html names', () => {
    expect(urls.length).toBe(3);
    for (const url of urls) expect(existsSync(publicFile(url)), url).toBe(true);
  });

  it('has a web manifest whose icons exist', () => {
    const manifest = JSON.parse(
      readFileSync(join(root, 'public', 'manifest.webmanifest'), 'utf8'),
    ) as { name: string; short_name: string; icons: { src: string }[] };
    expect(manifest.short_name).toBe('Flatland');
    expect(manifest.icons.length).toBeGreaterThan(0);
    for (const icon of manifest.icons)
      expect(existsSync(publicFile(icon.src)), icon.src).toBe(true);
  });

  it('has a social preview of the PNG size link previews expect', () => {
    const png = readFileSync(join(root, 'public', 'social.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // IHDR: width and height, big-endian, at bytes 16–23.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });
});
