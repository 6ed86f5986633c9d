/**
 * Renders a share card to PNG at build time, with no outside service: satori lays the card out and
 * turns text into vector paths, and resvg rasterises the SVG. Because satori embeds the glyphs as
 * paths, the result never depends on the fonts installed on the build machine.
 *
 * Fonts: Noto Sans from @fontsource/noto-sans (SIL Open Font License). Its Latin, Cyrillic and
 * Cyrillic Extended subsets together cover Russian, English and every Kazakh letter (Ә Ғ Қ Ң Ө Ұ Ү Һ І).
 * satori picks a font per glyph from the families listed in `font-family`, in order, so each subset is
 * registered under its own family name. They are read once per build and cached.
 *
 * Node only (reads files); pages never import this, only the /og/ endpoint does.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import satori, { type Font } from 'satori';
import { Resvg } from '@resvg/resvg-js';
import { CARD_HEIGHT, CARD_WIDTH, cardText, cardTree, type ShareCard } from './share-card.ts';
import { encodePng } from './png.ts';

const SUBSETS = ['latin', 'cyrillic', 'cyrillic-ext'] as const;
const WEIGHTS = [400, 700] as const;
const family = (subset: string) => `Noto Sans ${subset}`;
export const FONT_FAMILY = SUBSETS.map(family).join(', ');

let fonts: Promise<Font[]> | undefined;

/** The font files, resolved from the project's node_modules (the build always runs from its root). */
function loadFonts(): Promise<Font[]> {
  const require = createRequire(join(process.cwd(), 'package.json'));
  fonts ??= Promise.all(
    SUBSETS.flatMap((subset) =>
      WEIGHTS.map(async (weight) => ({
        name: family(subset),
        weight,
        style: 'normal' as const,
        data: await readFile(require.resolve(`@fontsource/noto-sans/files/noto-sans-${subset}-${weight}-normal.woff`)),
      })),
    ),
  );
  return fonts;
}

let ranges: Promise<Array<[number, number]>> | undefined;

/**
 * The code point ranges the three bundled subsets cover, read from the unicode-range of their
 * @font-face blocks in the package's 400.css (the per-subset CSS files leave it out).
 */
function loadRanges(): Promise<Array<[number, number]>> {
  const require = createRequire(join(process.cwd(), 'package.json'));
  ranges ??= readFile(require.resolve('@fontsource/noto-sans/400.css'), 'utf8').then((css) =>
    css
      .split('@font-face')
      .filter((block) => SUBSETS.some((subset) => block.includes(`noto-sans-${subset}-400-normal.woff`)))
      .flatMap((block) => /unicode-range:\s*([^;]+);/.exec(block)?.[1]?.split(',') ?? [])
      .map((part): [number, number] => {
        const [from = '0', to = from] = part.trim().replace(/^U\+/i, '').split('-');
        return [parseInt(from, 16), parseInt(to, 16)];
      }),
  );
  return ranges;
}

/**
 * Characters of `text` that no bundled font covers. A card with any would show empty boxes, so the
 * endpoint stops the build instead, naming them.
 */
export async function uncoveredCharacters(text: string): Promise<string[]> {
  const covered = await loadRanges();
  const missing = [...new Set(text)].filter((ch) => {
    const cp = ch.codePointAt(0) ?? 0;
    return !/\s/.test(ch) && !covered.some(([a, b]) => cp >= a && cp <= b);
  });
  return missing;
}

/** The card as an SVG string (text already turned into paths). */
export async function renderSvg(card: ShareCard): Promise<string> {
  // satori's types expect a ReactNode; the plain { type, props } tree is what React elements are.
  const tree = cardTree(card, FONT_FAMILY) as unknown as Parameters<typeof satori>[0];
  return satori(tree, { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: await loadFonts() });
}

const DATA_SVG_IMAGE = /<image ([^>]*?)href="data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)"([^>]*)\/>/g;

/**
 * satori places the card's map as an <image> holding the map's SVG as a data URI, which resvg draws
 * as a picture of its own and then resamples onto the card: about 5 of a map card's 9 ms of drawing.
 * Here each such image becomes a nested <svg> with the same place, size and viewBox, whose shapes
 * resvg draws straight onto the card (a nested <svg> clips to its box, as satori's clip-path did).
 * An image this cannot read is left as it is.
 */
export function inlineSvgImages(svg: string): string {
  return svg.replace(DATA_SVG_IMAGE, (whole, before: string, data: string, after: string) => {
    const attrs = ` ${before} ${after}`;
    const [x, y, width, height] = ['x', 'y', 'width', 'height'].map((name) => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1]);
    const inner = /^\s*<svg\b([^>]*)>([\s\S]*)<\/svg>\s*$/.exec(atob(data));
    const viewBox = inner && /\sviewBox="([^"]+)"/.exec(inner[1] ?? '')?.[1];
    if (!inner || !viewBox || x === undefined || y === undefined || width === undefined || height === undefined) return whole;
    // "none", as satori gives the image: it has already sized the box to the picture's proportions.
    return `<svg x="${x}" y="${y}" width="${width}" height="${height}" viewBox="${viewBox}" preserveAspectRatio="none">${inner[2] ?? ''}</svg>`;
  });
}

/** The card as a 1200×630 PNG; throws when the fonts lack a character the card needs. */
export async function renderPng(card: ShareCard): Promise<Uint8Array<ArrayBuffer>> {
  const missing = await uncoveredCharacters(cardText(card).join(' '));
  if (missing.length) {
    throw new Error(`share image "${card.title}": the bundled Noto Sans subsets have no glyph for ${missing.map((c) => JSON.stringify(c)).join(', ')}`);
  }
  const svg = inlineSvgImages(await renderSvg(card));
  // No fonts for resvg: satori has already turned every text into paths. By default resvg reads every
  // font installed on the machine for each image, about 4 of the 11 ms it took per card (the same
  // pixels either way; CONTRIBUTING, "Rules we keep"). No background either: the card's own white
  // rectangle covers it, and filling it first as well cost 0.3 ms (the same pixels).
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: CARD_WIDTH }, font: { loadSystemFonts: false } }).render();
  // Our encoder, not resvg's asPng(): a third of the time for the same size (src/lib/png.ts).
  return encodePng(image.pixels, image.width, image.height);
}
