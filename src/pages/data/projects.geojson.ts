/** /data/projects.geojson: located projects as RFC 7946 Points ([longitude, latitude]). Fields: /data/. */
import type { APIRoute } from 'astro';
import { projectFile } from '~/data/open-data.ts';

export const GET: APIRoute = async () => {
  return new Response(await projectFile('geojson'), { headers: { 'Content-Type': 'application/geo+json; charset=utf-8' } });
};
