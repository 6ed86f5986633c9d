/**
 * Share images (Open Graph / Twitter cards), one PNG per entry in src/data/share.ts, rendered at
 * build time without any outside service. Where there are many, every card is handed to worker
 * threads as soon as Astro asks for the paths, so the images are drawn while the pages render
 * (src/data/build-workers.ts).
 *
 * `astro dev` serves each image from here when it is requested. `astro build` gets no paths from here:
 * the list goes to src/integrations/share-image-files.ts, which writes the images into the built site
 * once the pages are done, at the same addresses, without Astro's handling of each file (its response,
 * middleware and copies of the bytes cost about 0.4 s of a first build's main thread for 198 images).
 * A build after the first takes unchanged images from the kept ones (src/lib/share-image-cache.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { shareImages, type ShareImage } from '~/data/share.ts';
import { drawShareImage, listShareImageFiles, prepareShareImages } from '~/data/build-workers.ts';

export const getStaticPaths = (async () => {
  const images = await shareImages();
  prepareShareImages(images.map((image) => image.card));
  if (import.meta.env.PROD) {
    // The same file Astro would write for the path: og/<lang>/<name>.png under the output folder.
    listShareImageFiles(images.map((image) => ({ file: `og/${image.lang}/${image.name}.png`, card: image.card })));
    return [];
  }
  return images.map((image) => ({ params: { lang: image.lang, name: image.name }, props: { image } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ image: ShareImage }> = async ({ props }) =>
  new Response(await drawShareImage(props.image.card), { headers: { 'Content-Type': 'image/png' } });
