/** /favicon.png: the icon every page links to, the favicon's drawing as a 32 × 32 PNG (src/lib/logo.ts). */
import type { APIRoute } from 'astro';
import { FAVICON_SIZE } from '~/lib/logo.ts';
import { logoPng } from '~/lib/logo-png.ts';

export const GET: APIRoute = () => logoPng(FAVICON_SIZE);
