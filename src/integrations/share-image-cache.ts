/**
 * Keeps share images between builds in Astro's cache folder (node_modules/.astro/share-images/ by
 * default): see src/lib/share-image-cache.ts. It tells the build where the folder is and, when a
 * build has written the site, deletes the images that build did not use.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { CACHE_ENV, pruneImages } from '../lib/share-image-cache.ts';

export default function shareImageCache(): AstroIntegration {
  let dir: string | undefined;
  let started = 0;
  return {
    name: 'share-image-cache',
    hooks: {
      'astro:config:done': ({ config }) => {
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
