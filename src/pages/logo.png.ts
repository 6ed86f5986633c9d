/**
 * /logo.png: the favicon (public/favicon.svg) as a 512 × 512 PNG, the publisher's logo in the
 * article's JSON-LD (src/lib/logo.ts).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { APIRoute } from 'astro';
import { LOGO_SIZE } from '~/lib/logo.ts';

export const GET: APIRoute = async () => {
  const svg = await readFile(join(process.cwd(), 'public', 'favicon.svg'), 'utf8');
  // The favicon has no text: resvg need not read the machine's fonts (src/lib/share-image.ts).
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: LOGO_SIZE }, font: { loadSystemFonts: false } }).render().asPng();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
