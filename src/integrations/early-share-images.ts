/**
 * Starts the share images at the start of `astro build`, seconds before Astro asks the /og/
 * endpoint for them: the workers draw them while Astro bundles the site, and the main thread, which
 * used to wait for the last of them after rendering every page, no longer does (the real content's
 * first build, 198 cards: see README, "Performance").
 *
 * The cards are worked out from the content as the content check read it (src/integrations/
 * content-problems.ts, before Astro loads any file), by the same code as the endpoint's list
 * (src/lib/share-images.ts), on a worker: src/data/build-workers.ts, drawAhead. The endpoint's own
 * list, from Astro's collections, stays the one that counts: a card drawn ahead is used only where the
 * endpoint lists the same card, so a difference between the two costs time, never a wrong image.
 *
 * Only where the workers would draw the cards anyway: a build of many projects, up to the number
 * that have images of their own (PROJECT_IMAGES_UP_TO); and only where no earlier build has kept its
 * images (src/lib/share-image-cache.ts). After an edit most cards are kept, and listing them all
 * ahead cost a rebuild more than it saved: about 0.8 s of the workers' CPU (loading the list's code
 * twice, simplifying the outlines) to draw the few that changed a little earlier.
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { z } from 'astro/zod';
import { checkedContent } from './content-problems-state.ts';
import { contentDirSetting } from '../lib/content-problems.ts';
import { drawAhead, unaskedAhead, workersAvailable, worthDrawingAheadFor } from '../data/build-workers.ts';
import { OUTLINES_FILE } from '../lib/outlines.ts';
import { inSiteOrder } from '../lib/projects.ts';
import { CACHE_ENV } from '../lib/share-image-cache.ts';
import type { ShareContent } from '../lib/share-images.ts';
import { makeNewsSchema } from '../schemas/news.ts';
import type { Project } from '../schemas/project.ts';
import type { District } from '../schemas/district.ts';
import type { Considered } from '../schemas/considered.ts';

/**
 * The content as the check read it (absolute path → what it read), as the share images' list needs
 * it: each collection's valid data by id, in the order the site lists it. Undefined when the check
 * kept nothing (it found problems, or did not run).
 */
export function contentFromCheck(checked: ReadonlyMap<string, { data: unknown; valid?: unknown }>, dir: string): ShareContent | undefined {
  const projects: Array<{ id: string; data: Project }> = [];
  const districts: Array<{ id: string; data: District }> = [];
  const considered: Array<{ id: string; data: Considered }> = [];
  const news: ShareContent['news'][number][] = [];
  // The check keeps the YAML of an article, not its data: the build's schema turns photos into images.
  // Its own stand-in for photos gives every other field as the build's does.
  const newsSchema = makeNewsSchema(() => z.string());
  for (const [path, file] of checked) {
    const [collection, name, ...deeper] = relative(dir, path).split(/[\\/]/);
    if (!name || deeper.length) continue;
    const id = name.replace(/\.mdx?$/, '');
    if (collection === 'projects') projects.push({ id, data: file.valid as Project });
    else if (collection === 'districts') districts.push({ id, data: file.valid as District });
    else if (collection === 'considered') considered.push({ id, data: file.valid as Considered });
    else if (collection === 'news') {
      const parsed = newsSchema.safeParse(file.data);
      if (parsed.success) news.push({ id, data: parsed.data });
    }
  }
  if (!projects.length || !news.length) return undefined;
  return { ...inSiteOrder({ projects, districts, considered }), news };
}

/**
 * Whether to draw this content's cards ahead: where the workers would draw them anyway (every project
 * has one, three languages each) and no earlier build kept its images in `cacheDir`.
 */
export const worthDrawingAhead = (content: ShareContent, cacheDir: string | undefined) => worthDrawingAheadFor(content.projects.length, cacheDir);

export default function earlyShareImages(): AstroIntegration {
  let dir: string | undefined;
  let started = false;
  return {
    name: 'early-share-images',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        dir = command === 'build' ? resolve(fileURLToPath(config.root), contentDirSetting(process.env)) : undefined;
      },
      // After every config:setup: the content check has run, and the share-image cache has its folder.
      'astro:config:done': () => {
        if (!dir || !workersAvailable()) return;
        const content = contentFromCheck(checkedContent(), dir);
        if (!content || !worthDrawingAhead(content, process.env[CACHE_ENV])) return;
        drawAhead(content, readFileSync(join(process.cwd(), OUTLINES_FILE), 'utf8'), OUTLINES_FILE);
        started = true;
      },
      // Said, not failed: the site is right either way, but the build drew those cards for nothing.
      'astro:build:done': ({ logger }) => {
        const unasked = started ? unaskedAhead() : 0;
        if (unasked) {
          logger.warn(
            `${unasked} share image(s) drawn ahead were not in the /og/ endpoint's list: the cards made from the content check (src/integrations/early-share-images.ts) differ from src/data/share.ts's.`,
          );
        }
      },
    },
  };
}
