/**
 * /data/districts.geojson: the eight simplified district outlines with their counts, RFC 7946.
 * The outlines are derived from OpenStreetMap (ODbL); the file names the licence and the credit itself.
 */
import type { APIRoute } from 'astro';
import { districtsDownload } from '~/data/district-download.ts';

export const GET: APIRoute = async () => {
  return new Response((await districtsDownload()).text, { headers: { 'Content-Type': 'application/geo+json; charset=utf-8' } });
};
