// Node's own TypeScript loading, made cheaper for `npm run build` (scripts/build-head-start.mjs
// registers it in the main thread and in every worker thread).
//
// Why: the build's head start (src/integrations/head-start.ts) and the share-image workers
// (src/lib/build-worker.ts) are TypeScript that Node runs from source, with its type stripping. Node
// strips types with amaro, a WebAssembly build of swc that each thread compiles and starts before
// its first .ts file: about 120-150 ms per thread here (`import('./src/data/build-workers.ts')` took
// 130 ms, 0 ms with this hook), on the main thread's critical path at the start of the build, and
// again in each worker, with the WebAssembly compiled on V8's helper threads. Oxc's transform, which
// rolldown already ships as a native addon (Vite bundles the site with it, so it is installed
// either way), loads in about 25 ms and strips a file in 1-2 ms.
//
// The hook does what Node's stripping does for our code: types out, imports kept unless marked
// `import type` (onlyRemoveTypeImports, as Node's verbatim-module-syntax rule), no downlevelling
// (target esnext). Code outside our folder, or a file Oxc reports errors for, goes to Node's own
// loader, which then says what is wrong as it always has. Without rolldown/utils, or on a Node
// without module.registerHooks, nothing is registered and Node strips types itself.
//
// Plain JavaScript, no dependencies of its own: it runs before anything is built.
import { readFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { fileURLToPath } from 'node:url';

/** The options that make Oxc's transform a type stripper (see above). */
export const STRIP_OPTIONS = Object.freeze({
  lang: 'ts',
  sourceType: 'module',
  target: 'esnext',
  typescript: { onlyRemoveTypeImports: true },
});

/**
 * A `load` hook (module.registerHooks) that strips the types of the .ts files under `rootUrl` with
 * `transformSync` (rolldown/utils' signature), and leaves every other file to Node.
 */
export function stripTypesHook(transformSync, rootUrl, read = (path) => readFileSync(path, 'utf8')) {
  const root = rootUrl.endsWith('/') ? rootUrl : `${rootUrl}/`;
  return function load(url, context, nextLoad) {
    if (!url.startsWith(root) || !/\.m?ts$/.test(new URL(url).pathname) || url.includes('/node_modules/')) return nextLoad(url, context);
    const path = fileURLToPath(url);
    const result = transformSync(path, read(path), STRIP_OPTIONS);
    if (result.errors.length) return nextLoad(url, context);
    return { format: 'module', source: result.code, shortCircuit: true };
  };
}

/**
 * Registers the hook for the files under `rootUrl` in this thread, where rolldown's transform and
 * module.registerHooks are both there. Returns whether it did.
 */
export async function registerTypeStripping(rootUrl) {
  if (typeof nodeModule.registerHooks !== 'function') return false;
  let transformSync;
  try {
    ({ transformSync } = await import('rolldown/utils'));
  } catch {
    return false;
  }
  if (typeof transformSync !== 'function') return false;
  nodeModule.registerHooks({ load: stripTypesHook(transformSync, rootUrl) });
  return true;
}
