/**
 * Renders a share card to PNG at build time, with no outside service: src/lib/share-card.ts lays the
 * card out, Skia (@napi-rs/canvas) draws it, and src/lib/png.ts encodes the pixels.
 *
 * Fonts: Noto Sans from @fontsource/noto-sans (SIL Open Font License). Its Latin, Cyrillic and
 * Cyrillic Extended subsets together cover Russian, English and every Kazakh letter (Ә Ғ Қ Ң Ө Ұ Ү Һ І).
 * Each subset is registered under a family of its own, and text is set in the three families in turn,
 * so that Skia takes each letter from the subset that has it. A card whose text needs a letter none of
 * them has is refused (uncoveredCharacters): Skia would take it from whatever font the machine has.
 *
 * Why Skia and not satori and resvg, which drew the cards before: a card took about 19 ms of CPU on a
 * build worker with them (satori turning every glyph into path text, resvg filling the paths) and
 * about 9 with Skia, which draws text from its own glyph cache; the real content's first build draws
 * about 200 cards, half of its CPU time (npm run bench).
 *
 * Node only (reads files); pages never import this, only the /og/ endpoint does.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createCanvas, GlobalFonts, Image, type Canvas } from '@napi-rs/canvas';
import { CARD_HEIGHT, CARD_WIDTH, cardLayout, cardText, type CardLayout, type Measure, type ShareCard } from './share-card.ts';
import { encodePng } from './png.ts';

const SUBSETS = ['latin', 'cyrillic', 'cyrillic-ext'] as const;
const WEIGHTS = [400, 700] as const;
const family = (subset: string) => `Card Noto Sans ${subset}`;
/** The card's font, as a CSS font-family list: the subsets in turn. */
export const FONT_FAMILY = SUBSETS.map((subset) => `"${family(subset)}"`).join(', ');

/**
 * Registers the font files with Skia, once per process (the registry is shared by every thread),
 * resolved from the project's node_modules (the build always runs from its root).
 */
function registerFonts() {
  if (GlobalFonts.has(family(SUBSETS[0]))) return;
  const require = createRequire(join(process.cwd(), 'package.json'));
  for (const subset of SUBSETS) {
    for (const weight of WEIGHTS) {
      GlobalFonts.register(readFileSync(require.resolve(`@fontsource/noto-sans/files/noto-sans-${subset}-${weight}-normal.woff`)), family(subset));
    }
  }
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
 * Characters of `text` that no bundled font covers. A card with any would show them in whatever font
 * the build machine has (or as empty boxes), so the endpoint stops the build instead, naming them.
 */
export async function uncoveredCharacters(text: string): Promise<string[]> {
  const covered = await loadRanges();
  const missing = [...new Set(text)].filter((ch) => {
    const cp = ch.codePointAt(0) ?? 0;
    return !/\s/.test(ch) && !covered.some(([a, b]) => cp >= a && cp <= b);
  });
  return missing;
}

/**
 * One canvas per thread, drawn over for every card: a fresh 1200×630 canvas per card cost more in
 * page faults than drawing it.
 */
let canvas: Canvas | undefined;
const threadCanvas = () => (canvas ??= createCanvas(CARD_WIDTH, CARD_HEIGHT));

const fontOf = (size: number, bold: boolean) => `${bold ? 'bold ' : ''}${size}px ${FONT_FAMILY}`;

/** Draws a layout on the thread's canvas; returns the canvas. */
function draw(layout: CardLayout): Canvas {
  const ctx = threadCanvas().getContext('2d');
  for (const r of layout.rects) {
    ctx.fillStyle = r.fill;
    if (r.radius) {
      ctx.beginPath();
      ctx.roundRect(r.x, r.y, r.width, r.height, r.radius);
      ctx.fill();
    } else ctx.fillRect(r.x, r.y, r.width, r.height);
  }
  ctx.textBaseline = 'alphabetic';
  for (const t of layout.texts) {
    ctx.font = fontOf(t.size, t.bold);
    ctx.fillStyle = t.color;
    ctx.textAlign = t.align ?? 'left';
    ctx.fillText(t.text, t.x, t.y);
  }
  if (layout.map) {
    // The map's SVG drawn by Skia's own SVG renderer, scaled into its box.
    const picture = new Image();
    picture.src = Buffer.from(layout.map.svg);
    ctx.drawImage(picture, layout.map.x, layout.map.y, layout.map.width, layout.map.height);
  }
  return threadCanvas();
}

/** The width of a text in the card's font, for the layout. */
const measure: Measure = (text, size, bold) => {
  const ctx = threadCanvas().getContext('2d');
  ctx.font = fontOf(size, bold);
  return ctx.measureText(text).width;
};

/** The card's layout, measured with the bundled fonts. */
export function layoutCard(card: ShareCard): CardLayout {
  registerFonts();
  return cardLayout(card, measure);
}

/**
 * Gets a worker ready to draw, before it has a card: registers the fonts, reads their ranges, has Skia
 * load Latin and Cyrillic glyphs in both weights, and makes the thread's canvas, its pixel buffer and
 * the PNG encoder's buffers. A worker's first card cost about 100 ms more than the next ones; the
 * build's head start (src/integrations/head-start.ts) does this while Astro loads.
 */
export async function warmUp(): Promise<void> {
  registerFonts();
  await loadRanges();
  for (const bold of [false, true]) measure('Алматы Almaty Қазақстан', 40, bold);
  encodePng(threadCanvas().data(), CARD_WIDTH, CARD_HEIGHT);
}

/** The card as a 1200×630 PNG; throws when the fonts lack a character the card needs. */
export async function renderPng(card: ShareCard): Promise<Uint8Array<ArrayBuffer>> {
  const missing = await uncoveredCharacters(cardText(card).join(' '));
  if (missing.length) {
    throw new Error(`share image "${card.title}": the bundled Noto Sans subsets have no glyph for ${missing.map((c) => JSON.stringify(c)).join(', ')}`);
  }
  // Skia's pixels are premultiplied; the card is opaque throughout (its white rectangle), so they are
  // the straight RGBA a PNG holds. Our encoder, not Skia's: a third of the time for the same size.
  const pixels = draw(layoutCard(card)).data();
  return encodePng(pixels, CARD_WIDTH, CARD_HEIGHT);
}
