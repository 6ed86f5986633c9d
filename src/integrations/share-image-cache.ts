/**
 * Keeps share images between builds in Astro's cache folder (node_modules/.astro/share-images/ by
 * default): see src/lib/share-image-cache.ts. It tells the build where the folder is and, when a
 * build has written the site, deletes the images that build did not use. It also gives the simplified
 * district outlines their folder beside it (outlines/, src/lib/outline-cache.ts).
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { CACHE_ENV, pruneImages } from '../lib/share-image-cache.ts';
import { OUTLINE_CACHE_ENV } from '../lib/outline-cache.ts';
import { imagesKept, listedImageKeys } from '../data/build-workers.ts';

export default function shareImageCache(): AstroIntegration {
  let dir: string | undefined;
  let started = 0;
  return {
    name: 'share-image-cache',
    hooks: {
      'astro:config:done': ({ config }) => {
        dir = fileURLToPath(new URL('share-images/', config.cacheDir));
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
