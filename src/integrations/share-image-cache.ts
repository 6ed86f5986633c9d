/**
 * Keeps share images between builds in Astro's cache folder (node_modules/.astro/share-images/ by
 * default): see src/lib/share-image-cache.ts. It tells the build where the folder is and, when a
 * build has written the site, deletes the images that build did not use.
 *
 * It also sets how resvg's memory allocator gives memory back (RESVG_ALLOCATOR), before anything
 * loads resvg.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { CACHE_ENV, pruneImages } from '../lib/share-image-cache.ts';

/**
 * resvg (@resvg/resvg-js) allocates with its own mimalloc, which reads its settings from the
 * environment once, when the process first loads resvg. Each card needs about 10 MB of pixel buffers;
 * by default mimalloc hands freed memory back to the system after 10 ms, and the next card then pays
 * to have fresh pages zeroed by the kernel: about 2 of a card's 18 ms of CPU (perf: 2,300 page faults
 * a card). Keeping freed memory for a second lets the next card reuse it. Set here, in the main
 * thread before any card is drawn, because worker threads get a copy of the environment that native
 * code does not read. Same pixels; a worker keeps a few tens of megabytes longer. An explicit
 * setting in the environment wins.
 */
export const RESVG_ALLOCATOR = { MIMALLOC_PURGE_DELAY: '1000' } as const;

export default function shareImageCache(): AstroIntegration {
  let dir: string | undefined;
  let started = 0;
  return {
    name: 'share-image-cache',
    hooks: {
      'astro:config:done': ({ config }) => {
        for (const [name, value] of Object.entries(RESVG_ALLOCATOR)) process.env[name] ??= value;
        dir = fileURLToPath(new URL('share-images/', config.cacheDir));
        process.env[CACHE_ENV] = dir;
      },
      'astro:build:start': () => {
        // A second earlier than now: file times can be coarser than milliseconds.
        started = Date.now() - 1000;
      },
      'astro:build:done': () => {
        if (dir && started) pruneImages(dir, started);
      },
    },
  };
}
