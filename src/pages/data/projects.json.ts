/** /data/projects.json: the full project records with the "data as of" date. Fields: /data/. */
import type { APIRoute } from 'astro';
import { downloads } from '../../data/open-data.ts';

export const GET: APIRoute = async ({ site }) => {
  if (!site) throw new Error('astro.config.mjs must set `site`: the files carry absolute permalinks');
  return new Response((await downloads(site)).json, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
