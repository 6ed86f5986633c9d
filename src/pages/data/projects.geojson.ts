/** /data/projects.geojson: located projects as RFC 7946 Points ([longitude, latitude]). Fields: /data/. */
import type { APIRoute } from 'astro';
import { downloads } from '../../data/open-data.ts';

export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('astro.config.mjs must set `site`: the files carry absolute permalinks');
  return new Response((await downloads(site)).geojson, { headers: { 'Content-Type': 'application/geo+json; charset=utf-8' } });
};
