/**
 * `astro build` only (added by src/integrations/page-bytes.ts): hands Astro each rendered page's bytes
 * without Node's two extra copies (src/lib/response-bytes.ts).
 */
import { defineMiddleware } from 'astro:middleware';
import { directBytes } from '../lib/response-bytes.ts';

export const onRequest = defineMiddleware(async (_context, next) => directBytes(await next()));
