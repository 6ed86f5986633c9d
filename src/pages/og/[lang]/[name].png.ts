/**
 * Share images (Open Graph / Twitter cards), one PNG per entry in src/data/share.ts, rendered at
 * build time without any outside service.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { shareImages, type ShareImage } from '~/data/share.ts';
import { renderPng } from '~/lib/share-image.ts';

export const getStaticPaths = (async () =>
  (await shareImages()).map((image) => ({ params: { lang: image.lang, name: image.name }, props: { image } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ image: ShareImage }> = async ({ props }) =>
  new Response(await renderPng(props.image.card), { headers: { 'Content-Type': 'image/png' } });
