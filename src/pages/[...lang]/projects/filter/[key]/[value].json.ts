/**
 * /projects/filter/<key>/<value>.json (and /kk/…, /en/…): the first matches of one filter value, for
 * the paged project list's first filter (src/lib/index-records.ts, firstMatches). One file for every
 * value of every filter, whether or not a project has it, so that every box a page offers has its
 * file. Written only when the list is paged, as filter-index.json is.
 */
import type { APIRoute } from 'astro';
import { indexFile, indexPages, paging } from '~/data/index-file.ts';
import { FILTERS, FILTER_KEYS, stateOf, type FilterKey } from '~/lib/filter.ts';
import { encodeFirst, firstMatches } from '~/lib/index-records.ts';
import { localisedPaths } from '~/lib/i18n-routes.ts';
import type { Locale } from '~/lib/vocabulary.ts';

export async function getStaticPaths() {
  if ((await indexPages()) <= 1) return [];
  return localisedPaths(
    FILTER_KEYS.flatMap((key) => FILTERS[key].map((value: string) => ({ params: { key, value }, props: { key, value } }))),
  );
}

export const GET: APIRoute<{ lang: Locale; key: FilterKey; value: string }> = async ({ props }) =>
  new Response(JSON.stringify(encodeFirst(firstMatches(await indexFile(props.lang), stateOf(props.key, props.value), paging.pageSize))), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
