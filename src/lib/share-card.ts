/**
 * The layout of a share image (Open Graph / Twitter card), as the plain element tree satori renders.
 * Pure: no fonts, no files; src/lib/share-image.ts turns the tree into a PNG.
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
 * takes about 18 ms to draw on one core, so a list of 10,000 (30,000 images) would add some nine
 * minutes to the build; beyond the limit project pages keep the text-only card, like any page without an image.
 */
export const PROJECT_IMAGES_UP_TO = 300;

/** The map column of a card: its width, and the height the picture may take above its credit. */
export const MAP_BOX = { width: 380, height: 470 } as const;

/** A satori element: the same shape React elements have, without React. */
export interface CardNode {
  type: string;
  props: {
    style?: Record<string, string | number>;
    children?: string | CardNode | Array<string | CardNode>;
    src?: string;
    width?: number;
    height?: number;
  };
}

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

const el = (type: string, style: Record<string, string | number>, children?: CardNode['props']['children']): CardNode => ({
  type,
  props: { style: { display: 'flex', ...style }, ...(children === undefined ? {} : { children }) },
});

/** A project's status: the stage in the brand colour, the report's date after it. */
function statusLine(status: NonNullable<ShareCard['status']>): CardNode {
  return el('div', { flexDirection: 'column', marginTop: 28, paddingLeft: 20, borderLeft: `6px solid ${BRAND}` }, [
    el('div', { fontSize: 34, fontWeight: 700, color: BRAND, lineHeight: 1.15 }, status.text),
    el('div', { fontSize: 26, color: INK_2, marginTop: 4 }, status.date),
  ]);
}

/** The map column: the picture scaled into MAP_BOX, its credit under it. */
function mapColumn(map: NonNullable<ShareCard['map']>): CardNode {
  const scale = Math.min(MAP_BOX.width / map.width, MAP_BOX.height / map.height);
  const width = Math.round(map.width * scale);
  const height = Math.round(map.height * scale);
  // The SVG is plain ASCII (tags and numbers), so btoa needs no encoding step.
  const src = `data:image/svg+xml;base64,${btoa(map.svg)}`;
  return el('div', { flexDirection: 'column', alignItems: 'center', justifyContent: 'center', width: MAP_BOX.width, marginLeft: 40 }, [
    { type: 'img', props: { src, width, height, style: { width, height } } },
    el('div', { fontSize: 20, color: INK_2, marginTop: 10 }, map.credit),
  ]);
}

/** The element tree for a card. Every text node is a leaf string, which satori lays out and wraps. */
export function cardTree(card: ShareCard, fontFamily: string): CardNode {
  const stats = card.stats.slice(0, 3);
  // With a map beside it the text column is 632 px wide: two figure boxes fit, and the title is smaller.
  const narrow = card.map !== undefined;
  const size = narrow ? (card.status ? statusTitleSize(card.title) : Math.min(titleSize(card.title), 68)) : titleSize(card.title);
  const text = el('div', { flexDirection: 'column', flexGrow: 1, flexShrink: 1, justifyContent: 'space-between' }, [
    el('div', { flexDirection: 'column' }, [
      el('div', { fontSize: 30, fontWeight: 700, color: BRAND, marginBottom: 20 }, card.kicker),
      el('div', { fontSize: size, fontWeight: 700, lineHeight: 1.12 }, card.title),
      ...(card.status ? [statusLine(card.status)] : []),
    ]),
    el('div', { flexDirection: 'column' }, [
      el(
        'div',
        { flexDirection: 'row', marginBottom: stats.length ? 28 : 0 },
        // Three boxes of 296 + 2 × 18 px, with 24 px between them, fit the 1,052 px text column; two of
        // 268 + 2 × 18 px fit the 632 px one beside a map.
        stats.map((s, i) =>
          el('div', { flexDirection: 'column', width: narrow ? 268 : 296, marginRight: i < stats.length - 1 ? 24 : 0, padding: '12px 18px', backgroundColor: PAPER_2, borderRadius: 8 }, [
            el('div', { fontSize: statSize(s.value), fontWeight: 700, color: BRAND, lineHeight: 1.1, height: 80, alignItems: 'flex-end' }, s.value),
            el('div', { fontSize: 26, color: INK_2, lineHeight: 1.25 }, s.label),
          ]),
        ),
      ),
      el('div', { fontSize: 26, color: INK_2 }, card.footer),
    ]),
  ]);
  return el(
    'div',
    {
      width: '100%',
      height: '100%',
      flexDirection: 'row',
      backgroundColor: '#ffffff',
      fontFamily,
      color: INK,
    },
    [
      // The brand stripe keeps its width: without flexShrink 0 a full text column squeezed it away.
      el('div', { width: 20, flexShrink: 0, height: '100%', backgroundColor: BRAND }),
      el('div', { flexDirection: 'row', flexGrow: 1, padding: '56px 64px 48px 64px' }, card.map ? [text, mapColumn(card.map)] : [text]),
    ],
  );
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
