/**
 * Keeps share images between builds in Astro's cache folder (node_modules/.astro/share-images/ by
 * default): see src/lib/share-image-cache.ts. It tells the build where the folder is and, when a
 * build has written the site, deletes the images that build did not use. It also gives the simplified
 * district outlines their folder beside it (outlines/, src/lib/outline-cache.ts). And it tells the
 * drawing library's memory allocator to keep the memory it frees (CANVAS_ALLOCATOR), before anything
 * loads that library.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { CACHE_ENV, keptImagesDir, pruneImages } from '../lib/share-image-cache.ts';
import { OUTLINE_CACHE_ENV } from '../lib/outline-cache.ts';
import { imagesKept, listedImageKeys } from '../data/build-workers.ts';

/**
 * Skia's binding (@napi-rs/canvas) allocates with its own mimalloc, which reads its settings from the
 * environment once, when the process first loads the binding. Each card's pixels come back as a fresh
 * 3 MB buffer (canvas.data()); by default mimalloc hands freed memory back to the system after 10 ms,
 * so the next card has its pages zeroed by the kernel again, and on this machine a fresh page costs
 * more than the copy into it. Measured on 2 December 2026: canvas.data() of a drawn canvas took
 * 10-14 ms with the default and 0.4-0.5 ms with freed memory kept; a card 15-17 ms of CPU without a
 * map and 5-6 ms with it kept (21-25 against 8-10 ms with one); in first builds of the real
 * content, the workers' CPU 3.4-3.7 s against 2.8-3.2 s. A build keeps up to about 100 MB more at
 * its peak. Never handing memory back (-1) beat keeping it for a second (workers 3.1-3.2 against
 * 3.5 s). Set here, in the main thread before any card is drawn, because worker threads get a copy of
 * the environment that native code does not read. Same pixels. An explicit setting in the environment
 * wins. (db8e655 did the same for resvg, which drew the cards before Skia; it went with resvg.)
 */
export const CANVAS_ALLOCATOR = { MIMALLOC_PURGE_DELAY: '-1' } as const;

export default function shareImageCache(): AstroIntegration {
  let dir: string | undefined;
  let started = 0;
  return {
    name: 'share-image-cache',
    hooks: {
      'astro:config:done': ({ config }) => {
        for (const [name, value] of Object.entries(CANVAS_ALLOCATOR)) process.env[name] ??= value;
        dir = keptImagesDir(fileURLToPath(config.cacheDir));
        process.env[CACHE_ENV] = dir;
        process.env[OUTLINE_CACHE_ENV] = fileURLToPath(new URL('outlines/', config.cacheDir));
        // The build's first use of the folder can come right after this hook: the share images drawn
        // ahead (src/integrations/early-share-images.ts, the next integration) start here, seconds
        // before astro:build:start, and an image written or read then is this build's. A second
        // earlier than now: file times can be coarser than milliseconds.
        started = Date.now() - 1000;
      },
      'astro:build:done': async () => {
        // The images are written in the background (src/lib/share-image-cache.ts): all of them first.
        await imagesKept();
        if (dir && started) pruneImages(dir, started, listedImageKeys());
      },
    },
  };
}
