/**
 * /data/projects.xlsx (Russian labels), /kk/data/projects.xlsx and /en/data/projects.xlsx: the
 * spreadsheet for reading and calculating, with sheets of projects, sources, status reports and a
 * README (src/data/open-data.ts, src/lib/xlsx-sheets.ts). Fields: /data/.
 */
import type { APIRoute } from 'astro';
import { xlsxFile } from '~/data/open-data.ts';
import { localePaths } from '~/lib/i18n-routes.ts';
import { LOCALES, type Locale } from '~/lib/vocabulary.ts';

export const getStaticPaths = () => {
  // All three are written on worker threads from now on, while the pages render (src/data/build-workers.ts);
  // a failure is reported by the request that awaits it.
  for (const lang of LOCALES) xlsxFile(lang).catch(() => {});
  return localePaths();
};

export const GET: APIRoute<{ lang: Locale }> = async ({ props }) =>
  new Response(new Uint8Array(await xlsxFile(props.lang)), {
    headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  });
