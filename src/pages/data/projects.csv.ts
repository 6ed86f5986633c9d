/** /data/projects.csv: every project as one CSV row (RFC 4180, UTF-8 with BOM). Fields: /data/. */
import type { APIRoute } from 'astro';
import { downloads } from '../../data/open-data.ts';
import { CSV_MIME } from '../../lib/csv.ts';

export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('astro.config.mjs must set `site`: the files carry absolute permalinks');
  return new Response((await downloads(site)).csv, { headers: { 'Content-Type': CSV_MIME } });
};
