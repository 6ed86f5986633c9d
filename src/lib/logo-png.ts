/**
 * The favicon's drawing (public/favicon.svg) as a square PNG of `size` pixels: /logo.png and
 * /favicon.png (src/lib/logo.ts says why both). Build time only.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

export async function logoPng(size: number): Promise<Response> {
  const svg = await readFile(join(process.cwd(), 'public', 'favicon.svg'), 'utf8');
  // The favicon has no text: resvg need not read the machine's fonts (src/lib/share-image.ts).
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render().asPng();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
}
