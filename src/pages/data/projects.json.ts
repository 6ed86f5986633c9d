/** /data/projects.json: the full project records with the "data as of" date. Fields: /data/. */
import type { APIRoute } from 'astro';
import { projectFile } from '~/data/open-data.ts';

export const GET: APIRoute = async () => {
  return new Response(await projectFile('json'), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
