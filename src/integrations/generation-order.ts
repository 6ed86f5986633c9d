/**
 * Pages first, then the files made on the build's worker threads.
 *
 * Astro renders the paths in its routes' order, eight at a time (build.concurrency). The share images'
 * route (/og/…) sorts ahead of every `[...lang]` page, so its 198 paths took all eight places and each
 * waited for its picture from the workers (src/data/build-workers.ts): the main thread sat idle while
 * the workers drew, and rendered most pages only after them. Handed the same paths with the waiting
 * ones last, it renders the pages while the workers draw, and the waiting paths find their files
 * mostly ready: the real content's first build took a median of 5.0 s against 5.3 s without (five
 * interleaved pairs, 1 December). Every file is the same; only the order they are made in changes.
 *
 * The order is the workers' own: the spreadsheets, then the /data/ pages, which show the spreadsheets'
 * sizes. The share images, which were the first and largest of these, are no longer Astro's paths in a
 * build: the build writes them itself after the pages (src/integrations/share-image-files.ts).
 */
import type { AstroIntegration, AstroPrerenderer } from 'astro';

/** The routes whose paths wait for the workers, by their files, in the order the workers make them. */
export const WAITING_ROUTES = [
  'src/pages/[...lang]/data/projects.xlsx.ts',
  'src/pages/[...lang]/data/index.astro',
] as const;

/**
 * `paths` with those of the waiting routes moved to the end, grouped in WAITING_ROUTES' order; the
 * rest, and each group, keep their order.
 */
export function waitingLast<T extends { route: { component: string } }>(paths: readonly T[], waiting: readonly string[] = WAITING_ROUTES): T[] {
  const groups = waiting.map((): T[] => []);
  const first: T[] = [];
  for (const path of paths) {
    const at = waiting.indexOf(path.route.component);
    (at < 0 ? first : groups[at]!).push(path);
  }
  return first.concat(...groups);
}

/** The prerenderer Astro would use, handing out its paths in waitingLast's order. */
export function reordered(base: AstroPrerenderer): AstroPrerenderer {
  const { setup, collectStaticImages, teardown } = base;
  return {
    name: `${base.name}+waiting-last`,
    ...(setup ? { setup: () => setup.call(base) } : {}),
    getStaticPaths: async () => waitingLast(await base.getStaticPaths()),
    render: (request, options) => base.render(request, options),
    ...(collectStaticImages ? { collectStaticImages: () => collectStaticImages.call(base) } : {}),
    ...(teardown ? { teardown: () => teardown.call(base) } : {}),
  };
}

export default function generationOrder(): AstroIntegration {
  return {
    name: 'generation-order',
    hooks: {
      'astro:build:start': ({ setPrerenderer }) => setPrerenderer(reordered),
    },
  };
}
