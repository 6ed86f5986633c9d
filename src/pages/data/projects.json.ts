/** /data/projects.json: the full project records with the "data as of" date. Fields: /data/. */
import type { APIRoute } from 'astro';
import { downloads } from '~/data/open-data.ts';

export const GET: APIRoute = async () => {
  return new Response((await downloads()).json, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
