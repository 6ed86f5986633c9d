/**
 * Share images (Open Graph / Twitter cards), one PNG per entry in src/data/share.ts, rendered at
 * build time without any outside service. Where there are many, every card is handed to worker
 * threads as soon as Astro asks for the paths, so the images are drawn while the pages render
 * (src/data/build-workers.ts).
 *
 * Each path carries a cacheKey, the card's key in the kept images (the card and the code that draws
 * it): with Astro's incremental build (astro.config.mjs), a build after the first copies an unchanged
 * image from Astro's cache instead of running this endpoint. Only this route has keys: a page's HTML
 * depends on more than its own entry, and a key that missed something would keep a stale page.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { shareImages, type ShareImage } from '~/data/share.ts';
import { drawShareImage, prepareShareImages } from '~/data/build-workers.ts';

export const getStaticPaths = (async () => {
  const images = await shareImages();
  const keys = prepareShareImages(images.map((image) => image.card));
  return images.map((image, i) => {
    const cacheKey = keys[i];
    return { params: { lang: image.lang, name: image.name }, props: { image }, ...(cacheKey ? { cacheKey } : {}) };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ image: ShareImage }> = async ({ props }) =>
  new Response(await drawShareImage(props.image.card), { headers: { 'Content-Type': 'image/png' } });
