/** /data/projects.geojson: located projects as RFC 7946 Points ([longitude, latitude]). Fields: /data/. */
import type { APIRoute } from 'astro';
import { downloads } from '~/data/open-data.ts';

export const GET: APIRoute = async () => {
  return new Response((await downloads()).geojson, { headers: { 'Content-Type': 'application/geo+json; charset=utf-8' } });
};
