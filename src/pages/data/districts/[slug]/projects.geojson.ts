/**
 * /data/districts/<slug>/projects.geojson: one district's located projects as RFC 7946 Points, with
 * the same properties as /data/projects.geojson. An empty FeatureCollection where sources locate none.
 */
import type { APIRoute } from 'astro';
import { districtFile } from '~/data/open-data.ts';
import { districtSlugs } from '~/data/views/district.ts';

export const getStaticPaths = districtSlugs;

export const GET: APIRoute<{ slug: string }> = async ({ props }) =>
  new Response(await districtFile(props.slug, 'geojson'), { headers: { 'Content-Type': 'application/geo+json; charset=utf-8' } });
