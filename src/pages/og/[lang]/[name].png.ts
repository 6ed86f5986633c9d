/**
 * Share images (Open Graph / Twitter cards), one PNG per entry in src/data/share.ts, rendered at
 * build time without any outside service. Where there are many, every card is handed to worker
 * threads as soon as Astro asks for the paths, so the images are drawn while the pages render
 * (src/data/build-workers.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { shareImages, type ShareImage } from '~/data/share.ts';
import { drawShareImage, prepareShareImages } from '~/data/build-workers.ts';

export const getStaticPaths = (async () => {
  const images = await shareImages();
  prepareShareImages(images.map((image) => image.card));
  return images.map((image) => ({ params: { lang: image.lang, name: image.name }, props: { image } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ image: ShareImage }> = async ({ props }) =>
  new Response(await drawShareImage(props.image.card), { headers: { 'Content-Type': 'image/png' } });
