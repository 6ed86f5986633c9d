/**
 * `astro build` writes the share images itself, once the pages are written (astro:build:generated),
 * instead of rendering them as pages of the /og/ endpoint, which in a build only lists them
 * (src/pages/og/[lang]/[name].png.ts, listShareImageFiles in src/data/build-workers.ts).
 *
 * Why: the images are drawn on the worker threads anyway, mostly while the pages render; what Astro
 * added for each of the real content's 198 PNGs (its response and middleware, two copies of the bytes,
 * its incremental build's bookkeeping and its own cached copy of each image) cost the main thread,
 * which ends the build, about 0.4 s. Interleaved first builds of the real content on 4 December 2026:
 * faster in 8 of 8 pairs, means 4.60 against 4.94 s; rebuilds the same within the noise (medians
 * 3.95 against 3.92 s), with the unchanged images now from the kept ones (src/lib/share-image-cache.ts)
 * instead of Astro's incremental-build cache. The built site is byte for byte the same.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { writeShareImageFiles } from '../data/build-workers.ts';

export default function shareImageFiles(): AstroIntegration {
  return {
    name: 'share-image-files',
    hooks: {
      'astro:build:generated': async ({ dir, logger }) => {
        const written = await writeShareImageFiles(fileURLToPath(dir));
        logger.info(`${written} share images written`);
      },
    },
  };
}
