/**
 * /projects/filter-index.json (and /kk/…, /en/…): the compact index the paged project list filters
 * over (src/lib/index-records.ts). Written only when the list is paged; today's content needs none.
 */
import type { APIRoute } from 'astro';
import { indexFile, indexPages } from '~/data/index-file.ts';
import { encodeIndex } from '~/lib/index-records.ts';
import { localePaths } from '~/lib/i18n-routes.ts';
import type { Locale } from '~/lib/vocabulary.ts';

export async function getStaticPaths() {
  return (await indexPages()) > 1 ? localePaths() : [];
}

export const GET: APIRoute<{ lang: Locale }> = async ({ props }) =>
  new Response(JSON.stringify(encodeIndex(await indexFile(props.lang))), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
