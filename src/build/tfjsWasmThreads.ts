/**
 * A Vite plugin that lets tfjs-backend-wasm 4.22's threads start in a minified build.
 *
 * tfjs starts each pthread from a Blob holding `factory.toString()`, the inner function of its
 * Emscripten module, without the wrapper that defines `_scriptDir`. Unminified, the function
 * reads `_scriptDir` only behind `typeof _scriptDir !== "undefined"` guards, so the Blob runs.
 * The minifier sees the wrapper's definition, renames the variable and drops the guards, and
 * every pthread dies on "e is not defined". In a Blob `_scriptDir` is always undefined, so the
 * two reads are replaced by what they evaluate to there. tfjs is frozen at 4.22: if either text
 * is missing (another version), the build fails rather than ship threads that cannot start.
 * Written by hand: no published plugin does this. Upstream, tfjs added the guards for workers
 * (tensorflow/tfjs#4528) and notes that minified identifiers break them (tensorflow/tfjs#4539).
 */
import type { Plugin } from 'vite';

/** The module tfjs starts its pthreads from. */
export const THREADED_FACTORY = /tfjs-backend-wasm-threaded-simd\.js$/;

/** Each read of `_scriptDir` in the factory, and what it evaluates to inside a Blob. */
export const SCRIPT_DIR_READS: readonly (readonly [string, string])[] = [
  ['if(typeof _scriptDir !== "undefined" && _scriptDir){scriptDirectory=_scriptDir}', ''],
  [
    '"urlOrBlob":Module["mainScriptUrlOrBlob"]||_scriptDir',
    '"urlOrBlob":Module["mainScriptUrlOrBlob"]',
  ],
];

/** The factory's source with every read of `_scriptDir` inside it replaced; throws if one is missing. */
export function withoutScriptDirReads(source: string): string {
  let out = source;
  for (const [read, value] of SCRIPT_DIR_READS) {
    const at = out.indexOf(read);
    if (at < 0 || out.indexOf(read, at + read.length) >= 0) {
      throw new Error(
        `tfjsWasmThreads: expected exactly one \`${read}\` in tfjs-backend-wasm's threaded factory ` +
          '(is tfjs still 4.22?); without this edit its threads cannot start in a minified build',
      );
    }
    out = out.slice(0, at) + value + out.slice(at + read.length);
  }
  return out;
}

export function tfjsWasmThreads(): Plugin {
  return {
    name: 'flatland:tfjs-wasm-threads',
    enforce: 'pre',
    transform(code, id) {
      if (!THREADED_FACTORY.test(id.split('?')[0] ?? id)) return null;
      return { code: withoutScriptDirReads(code), map: null };
    },
  };
}
