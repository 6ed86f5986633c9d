/**
 * The layout of a share image (Open Graph / Twitter card): where each box and each line of text goes.
 * Pure: it measures text with the function it is given; src/lib/share-image.ts measures with the
 * bundled fonts, draws the layout and makes the PNG.
 */

/** Open Graph's recommended size; Twitter's large card uses the same 1.91:1 ratio. */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** One share image: a short line above the title, the title, up to three figures, a footer line. */
export interface ShareCard {
  /** Small line above the title: the site name or the outlet and date. */
  kicker: string;
  /** The page's subject: a district name, the article's headline. */
  title: string;
  /** Figures with what they count, e.g. { value: '12', label: 'проектов в открытых источниках' }. */
  stats: ReadonlyArray<{ value: string; label: string }>;
  /** Bottom line, e.g. the "data as of" date. */
  footer: string;
  /**
   * A picture beside the text: a district highlighted within the city (an SVG string from
   * src/lib/static-map.ts) and its credit line, which OpenStreetMap's licence asks for.
   */
  map?: { svg: string; width: number; height: number; credit: string } | undefined;
  /**
   * A project's status under its title, in the source's terms ("Статус: почти завершён") with the
   * report's date ("по сообщению от 13 ноября 2025 г."): words too long for a figure box.
   */
  status?: { text: string; date: string } | undefined;
}

/**
 * Projects get an image of their own (three, one per language) up to this many projects. Each image
 * takes about 9 ms to draw on one core, so a list of 10,000 (30,000 images) would add some four
 * minutes to the build; beyond the limit project pages keep the text-only card, like any page without an image.
 */
export const PROJECT_IMAGES_UP_TO = 300;

/** The map column of a card: its width, and the height the picture may take above its credit. */
export const MAP_BOX = { width: 380, height: 470 } as const;

/** The site's palette (src/styles/base.css), so a shared link looks like the site. */
const INK = '#1b1f23';
const INK_2 = '#4a5560';
const BRAND = '#0b5a6e';
const PAPER_2 = '#f4f6f7';

/**
 * Title size by length, so a district name is large and a 100-character headline still fits in
 * four lines of the 1,052 px text column.
 */
export function titleSize(title: string): number {
  const n = [...title].length;
  if (n <= 24) return 88;
  if (n <= 48) return 68;
  if (n <= 80) return 56;
  return 46;
}

/**
 * Title size on a project card with a map: the 632 px text column also holds the status line, so a
 * title of up to 135 characters (the longest today) must fit in five lines.
 */
export function statusTitleSize(title: string): number {
  const n = [...title].length;
  if (n <= 30) return 60;
  if (n <= 60) return 50;
  if (n <= 90) return 44;
  return 38;
}

/** Figure size: a number is large; a worded figure ("60-тан астам") is smaller to stay in its box. */
export function statSize(value: string): number {
  const n = [...value].length;
  if (n <= 5) return 72;
  if (n <= 9) return 52;
  return 40;
}

/** The width of `text` set at `size` px, bold or regular, in the card's font. */
export type Measure = (text: string, size: number, bold: boolean) => number;

/** A filled box; `radius` rounds its corners. */
export interface CardRect {
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
  radius?: number;
}

/** One line of text, placed by its baseline; `align: 'center'` centres it on x. */
export interface CardText {
  text: string;
  x: number;
  y: number;
  size: number;
  bold: boolean;
  color: string;
  align?: 'center';
}

/** Everything a card draws, in drawing order (boxes, then text, then the map). */
export interface CardLayout {
  rects: CardRect[];
  texts: CardText[];
  /** The map picture (an SVG) and the box it is drawn in. */
  map?: { svg: string; x: number; y: number; width: number; height: number } | undefined;
}

/** Noto Sans' ascender and descender, in ems: the baseline of a line of text within its line box. */
const ASCENT = 1.069;
const DESCENT = 0.293;
/** The height of a line in ems where no line height is set, as the font gives it. */
const NORMAL = ASCENT + DESCENT;

/** The card's margins: the text starts after the 20 px brand stripe and 64 px of space. */
const STRIPE = 20;
const LEFT = STRIPE + 64;
const RIGHT = CARD_WIDTH - 64;
const TOP = 56;
const BOTTOM = CARD_HEIGHT - 48;
/** Space between the text column and the map column. */
const MAP_GAP = 40;

/** `text` broken into lines of at most `width` px at spaces; a word longer than the line stays whole. */
export function wrapText(text: string, width: number, size: number, bold: boolean, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const longer = line ? `${line} ${word}` : word;
    if (line && measure(longer, size, bold) > width) {
      lines.push(line);
      line = word;
    } else line = longer;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A block of lines set from `top`: each line `lineHeight` ems tall, its baseline where the font's
 * ascender and descender sit centred in the line. Returns the lines and the block's height.
 */
function block(lines: string[], top: number, x: number, size: number, lineHeight: number, style: { bold: boolean; color: string; align?: 'center' }): { texts: CardText[]; height: number } {
  const line = lineHeight * size;
  const baseline = (line - NORMAL * size) / 2 + ASCENT * size;
  return {
    texts: lines.map((text, i) => ({ text, x, y: top + i * line + baseline, size, bold: style.bold, color: style.color, ...(style.align ? { align: style.align } : {}) })),
    height: lines.length * line,
  };
}

/**
 * The layout of a card: a white card with the brand stripe at its left; the kicker, the title and (on
 * a project's card) its status at the top of the text column; the figures in grey boxes and the
 * footer at its foot; and, where the card has a map, the picture in a column of its own on the right,
 * centred, with its credit under it.
 */
export function cardLayout(card: ShareCard, measure: Measure): CardLayout {
  const rects: CardRect[] = [
    { x: 0, y: 0, width: CARD_WIDTH, height: CARD_HEIGHT, fill: '#ffffff' },
    { x: 0, y: 0, width: STRIPE, height: CARD_HEIGHT, fill: BRAND },
  ];
  const texts: CardText[] = [];
  const stats = card.stats.slice(0, 3);
  // With a map beside it the text column is 632 px wide: two figure boxes fit, and the title is smaller.
  const narrow = card.map !== undefined;
  const column = RIGHT - LEFT - (narrow ? MAP_GAP + MAP_BOX.width : 0);
  const size = narrow ? (card.status ? statusTitleSize(card.title) : Math.min(titleSize(card.title), 68)) : titleSize(card.title);

  // The top of the text column: kicker, title, status.
  let y = TOP;
  const kicker = block(wrapText(card.kicker, column, 30, true, measure), y, LEFT, 30, NORMAL, { bold: true, color: BRAND });
  texts.push(...kicker.texts);
  y += kicker.height + 20;
  const title = block(wrapText(card.title, column, size, true, measure), y, LEFT, size, 1.12, { bold: true, color: INK });
  texts.push(...title.texts);
  y += title.height;
  if (card.status) {
    // A bar in the brand colour at its left, as a quotation's border.
    y += 28;
    const inner = column - 26;
    const stage = block(wrapText(card.status.text, inner, 34, true, measure), y, LEFT + 26, 34, 1.15, { bold: true, color: BRAND });
    const date = block(wrapText(card.status.date, inner, 26, false, measure), y + stage.height + 4, LEFT + 26, 26, NORMAL, { bold: false, color: INK_2 });
    rects.push({ x: LEFT, y, width: 6, height: stage.height + 4 + date.height, fill: BRAND });
    texts.push(...stage.texts, ...date.texts);
  }

  // The foot of the text column, from the bottom up: the footer, and the figures above it.
  const footerLines = wrapText(card.footer, column, 26, false, measure);
  const footerTop = BOTTOM - footerLines.length * NORMAL * 26;
  texts.push(...block(footerLines, footerTop, LEFT, 26, NORMAL, { bold: false, color: INK_2 }).texts);
  if (stats.length) {
    // Three boxes of 296 + 2 × 18 px, with 24 px between them, fit the 1,052 px text column; two of
    // 268 + 2 × 18 px fit the 632 px one beside a map. All as tall as the tallest.
    const inner = narrow ? 268 : 296;
    const labels = stats.map((s) => wrapText(s.label, inner, 26, false, measure));
    const height = 12 + 80 + Math.max(...labels.map((l) => l.length)) * 1.25 * 26 + 12;
    const top = footerTop - 28 - height;
    stats.forEach((s, i) => {
      const x = LEFT + i * (inner + 36 + 24);
      rects.push({ x, y: top, width: inner + 36, height, fill: PAPER_2, radius: 8 });
      // The figure sits at the foot of its 80 px: a worded figure is set smaller than a number.
      const valueSize = statSize(s.value);
      const value = wrapText(s.value, inner, valueSize, true, measure);
      texts.push(...block(value, top + 12 + 80 - value.length * 1.1 * valueSize, x + 18, valueSize, 1.1, { bold: true, color: BRAND }).texts);
      texts.push(...block(labels[i]!, top + 12 + 80, x + 18, 26, 1.25, { bold: false, color: INK_2 }).texts);
    });
  }

  // The map column: the picture scaled into MAP_BOX, the credit under it, centred in the column.
  let map: CardLayout['map'];
  if (card.map) {
    const scale = Math.min(MAP_BOX.width / card.map.width, MAP_BOX.height / card.map.height);
    const width = Math.round(card.map.width * scale);
    const height = Math.round(card.map.height * scale);
    const left = RIGHT - MAP_BOX.width;
    const credit = wrapText(card.map.credit, MAP_BOX.width, 20, false, measure);
    const total = height + 10 + credit.length * NORMAL * 20;
    const top = TOP + (BOTTOM - TOP - total) / 2;
    map = { svg: card.map.svg, x: left + (MAP_BOX.width - width) / 2, y: top, width, height };
    texts.push(...block(credit, top + height + 10, left + MAP_BOX.width / 2, 20, NORMAL, { bold: false, color: INK_2, align: 'center' }).texts);
  }
  return { rects, texts, map };
}

/** Every text a card shows, in reading order: used for its alt text and to check fonts cover it. */
export function cardText(card: ShareCard): string[] {
  return [
    card.kicker,
    card.title,
    ...(card.status ? [card.status.text, card.status.date] : []),
    ...card.stats.flatMap((s) => [s.value, s.label]),
    card.footer,
    ...(card.map ? [card.map.credit] : []),
  ];
}
