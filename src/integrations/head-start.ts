/**
 * `npm run build`'s head start: the workers that draw a first build's share images start before Astro
 * has loaded.
 *
 * Loading Astro takes the first second of a build, on one core (importing `astro` alone took
 * 0.5-0.65 s here), and the other core had nothing to do until the content check had run and
 * src/integrations/early-share-images.ts handed the cards to the workers. Node loads this module
 * first (`--import` of scripts/build-head-start.mjs, which scripts/build-flags.mjs gives builds of up
 * to MAX_OPT_UP_TO projects), and the workers start then: they load their code, Skia and the fonts,
 * and one of them simplifies the district outlines, which need no content. The cards themselves still
 * come from the content check, at config:done, as before. An experiment that had the workers read and
 * check the content themselves, to draw the cards from the start, cost about 0.6 s more CPU than it
 * saved (a second copy of the check and its schemas) and was slower.
 *
 * Only where early-share-images.ts will draw ahead: the workers' file is there, the project files are
 * few enough that each has its own cards, and no earlier build kept its images (a rebuild has its
 * cards and outlines kept). `astro build` without the wrapper starts the workers at config:done.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CANVAS_ALLOCATOR } from './share-image-cache.ts';
import { warmWorkers, workersAvailable, worthDrawingAheadFor } from '../data/build-workers.ts';
import { OUTLINES_FILE } from '../lib/outlines.ts';
import { cacheDirSetting, keptImagesDir } from '../lib/share-image-cache.ts';
import { projectCount } from '../../scripts/build-flags.mjs';

/** Starts the workers for the build in `cwd`, if it will draw its cards ahead (see above). Returns whether it did. */
export function headStart(cwd: string, env: Record<string, string | undefined>): boolean {
  if (!workersAvailable()) return false;
  // The folder src/integrations/share-image-cache.ts will give the build's kept images.
  if (!worthDrawingAheadFor(projectCount(cwd, env), keptImagesDir(resolve(cwd, cacheDirSetting(env))))) return false;
  // As share-image-cache.ts sets it at config:done: Skia's allocator reads it once, when it loads.
  for (const [name, value] of Object.entries(CANVAS_ALLOCATOR)) env[name] ??= value;
  warmWorkers(readFileSync(join(cwd, OUTLINES_FILE), 'utf8'), OUTLINES_FILE);
  return true;
}
