/**
 * A page's bytes freed as soon as its file is written, instead of at V8's next full collection.
 *
 * Why: `astro build` encodes each page into a fresh buffer, and the buffer lives outside V8's heap
 * until the garbage collector finds it unreferenced. Many are found only by a full collection, which
 * marks the whole heap: V8 starts one whenever memory outside the heap has grown by 64 MB since the
 * last. At 10,000 projects (30,000 pages of about 29 KB) that was 19 of the build's 24 full
 * collections, each marking about 350 MB of live heap for about a second of a helper thread's CPU
 * (`node --trace-gc-nvp`, 4 December 2026).
 *
 * The build registers each page's buffer as Astro makes it (the patched renderPage,
 * src/integrations/page-bytes.ts), and `releaseWrittenPages` frees a registered buffer (detaches it:
 * `ArrayBuffer.prototype.transfer(0)`) once `fs.promises.writeFile`, which Astro writes every page
 * with, has written it. Only registered buffers are touched, and only after their write; every other
 * write goes through unchanged.
 */
import { promises as fsPromises } from 'node:fs';

/** Where the registry lives while a build writes pages: the pages are rendered by Astro's own bundle of our code, in the same process. */
export const PAGE_BYTES = Symbol.for('almaty-projects.page-bytes');

type WriteFile = typeof fsPromises.writeFile;

/** The registry of page buffers while releaseWrittenPages is installed, else undefined. */
export function pageRegistry(): WeakSet<ArrayBufferLike> | undefined {
  return (globalThis as Record<symbol, WeakSet<ArrayBufferLike> | undefined>)[PAGE_BYTES];
}

/**
 * Installs the release on `target` (Node's fs.promises) and returns what uninstalls it. Buffers
 * registered in pageRegistry() are detached once a writeFile of them has finished; a failed write
 * leaves them as they are.
 */
export function releaseWrittenPages(target: { writeFile: WriteFile } = fsPromises): () => void {
  const pages = new WeakSet<ArrayBufferLike>();
  const original = target.writeFile;
  const release: WriteFile = async function writeFile(this: unknown, ...args: Parameters<WriteFile>) {
    await original.apply(this, args);
    const data = args[1];
    if (!ArrayBuffer.isView(data)) return;
    const buffer = data.buffer;
    if (!pages.has(buffer) || !(buffer instanceof ArrayBuffer) || buffer.detached) return;
    pages.delete(buffer);
    buffer.transfer(0);
  };
  target.writeFile = release;
  (globalThis as Record<symbol, unknown>)[PAGE_BYTES] = pages;
  return () => {
    if (target.writeFile === release) target.writeFile = original;
    if ((globalThis as Record<symbol, unknown>)[PAGE_BYTES] === pages) delete (globalThis as Record<symbol, unknown>)[PAGE_BYTES];
  };
}
