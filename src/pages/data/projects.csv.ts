/** /data/projects.csv: every project as one CSV row (RFC 4180, UTF-8 with BOM). Fields: /data/. */
import type { APIRoute } from 'astro';
import { projectFile } from '~/data/open-data.ts';
import { CSV_MIME } from '~/lib/csv.ts';

export const GET: APIRoute = async () => {
  return new Response(await projectFile('csv'), { headers: { 'Content-Type': CSV_MIME } });
};
