/**
 * Share images (Open Graph / Twitter cards), one PNG per entry in src/data/share.ts, rendered at
 * build time without any outside service. Every card is handed to the drawing pool as soon as Astro
 * asks for the paths, so the images are drawn on worker threads while the pages render
 * (src/data/build-workers.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { shareImages, type ShareImage } from '~/data/share.ts';
import { drawShareImage } from '~/data/build-workers.ts';

export const getStaticPaths = (async () =>
  (await shareImages()).map((image) => {
    void drawShareImage(image.card);
    return { params: { lang: image.lang, name: image.name }, props: { image } };
  })) satisfies GetStaticPaths;

export const GET: APIRoute<{ image: ShareImage }> = async ({ props }) =>
  new Response(await drawShareImage(props.image.card), { headers: { 'Content-Type': 'image/png' } });
