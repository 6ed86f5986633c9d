/**
 * /logo.png: the favicon's drawing as a 512 × 512 PNG, the publisher's logo in the article's JSON-LD
 * (src/lib/logo.ts).
 */
import type { APIRoute } from 'astro';
import { LOGO_SIZE } from '~/lib/logo.ts';
import { logoPng } from '~/lib/logo-png.ts';

export const GET: APIRoute = () => logoPng(LOGO_SIZE);
