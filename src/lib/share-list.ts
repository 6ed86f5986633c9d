/**
 * The share images' cards as a build worker lists them at the start of `astro build`
 * (src/lib/build-worker.ts, for drawAhead in src/data/build-workers.ts), as JSON bytes.
 */
import { simplifyOutlines, type Outlines } from './outlines.ts';
import { shareImageList, type ShareContent } from './share-images.ts';
import type { ShareCard } from './share-card.ts';

/** The answer: the cards, and the outlines simplified for them (null when given no text). */
export interface ShareList {
  cards: ShareCard[];
  outlines: Outlines | null;
}

/**
 * The cards of `content`, with the outlines simplified from `outlinesText` (from `file`), or only those
 * without a map. `simplified`: the outlines already simplified from that text, by a worker's warm-up.
 */
export async function shareList(content: ShareContent, outlinesText: string | null, file: string, simplified?: Outlines): Promise<Uint8Array<ArrayBuffer>> {
  const outlines = outlinesText === null ? null : (simplified ?? (await simplifyOutlines(outlinesText, file)));
  const list: ShareList = { cards: shareImageList(content, outlines).map((image) => image.card), outlines };
  return new TextEncoder().encode(JSON.stringify(list)) as Uint8Array<ArrayBuffer>;
}

/** The outlines simplified from `outlines.text` (from `outlines.file`), as JSON bytes; null without them (a worker's warm-up). */
export async function simplifiedOutlines(outlines: { text: string; file: string } | null): Promise<Uint8Array<ArrayBuffer>> {
  const simplified = outlines ? await simplifyOutlines(outlines.text, outlines.file) : null;
  return new TextEncoder().encode(JSON.stringify(simplified)) as Uint8Array<ArrayBuffer>;
}
