import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  SCRIPT_DIR_READS,
  THREADED_FACTORY,
  tfjsWasmThreads,
  withoutScriptDirReads,
} from './tfjsWasmThreads';

const require = createRequire(import.meta.url);
const factoryPath =
  require.resolve('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js');
const factory = readFileSync(factoryPath, 'utf8');

/** The inner function tfjs serializes into each pthread's Blob (`factory.toString()`). */
function innerFunction(source: string): string {
  const start = source.indexOf('function(WasmBackendModuleThreadedSimd)');
  const end = source.lastIndexOf('return WasmBackendModuleThreadedSimd.ready');
  return source.slice(start, end);
}

describe('tfjsWasmThreads', () => {
  it('removes every read of _scriptDir from the function a pthread runs, and nothing else', () => {
    expect(innerFunction(factory)).toMatch(/_scriptDir/);
    const edited = withoutScriptDirReads(factory);
    expect(innerFunction(edited)).not.toMatch(/_scriptDir/);
    const removed = SCRIPT_DIR_READS.reduce(
      (n, [read, value]) => n + read.length - value.length,
      0,
    );
    expect(factory.length - edited.length).toBe(removed);
  });

  it('fails loudly on a factory it does not know, instead of shipping threads that cannot start', () => {
    expect(() => withoutScriptDirReads('var WasmBackendModuleThreadedSimd = 1;')).toThrow(
      /is tfjs still 4\.22/,
    );
    const twice = factory.replace(SCRIPT_DIR_READS[0]![0], SCRIPT_DIR_READS[0]![0].repeat(2));
    expect(() => withoutScriptDirReads(twice)).toThrow(/exactly one/);
  });

  it('edits only the threaded factory', () => {
    const plugin = tfjsWasmThreads();
    const transform = plugin.transform as (code: string, id: string) => { code: string } | null;
    expect(THREADED_FACTORY.test(factoryPath)).toBe(true);
    expect(transform(factory, `${factoryPath}?commonjs-es-import`)?.code).toBe(
      withoutScriptDirReads(factory),
    );
    expect(transform('const a = 1;', '/x/tfjs-backend-wasm-simd.js')).toBeNull();
  });
});
