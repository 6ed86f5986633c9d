/**
 * /data/districts/<slug>/projects.csv: one district's projects, with the same columns as
 * /data/projects.csv (RFC 4180, UTF-8 with BOM). Fields: /data/.
 */
import type { APIRoute } from 'astro';
import { districtFile } from '~/data/open-data.ts';
import { districtSlugs } from '~/data/views/district.ts';
import { CSV_MIME } from '~/lib/csv.ts';

export const getStaticPaths = districtSlugs;

export const GET: APIRoute<{ slug: string }> = async ({ props }) =>
  new Response(await districtFile(props.slug, 'csv'), { headers: { 'Content-Type': CSV_MIME } });
