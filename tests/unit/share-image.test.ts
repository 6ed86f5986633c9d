import { describe, expect, test } from 'vitest';
import { inflateSync } from 'node:zlib';
import { layoutCard, renderPng, uncoveredCharacters } from '../../src/lib/share-image.ts';
import { CARD_HEIGHT, CARD_WIDTH, cardLayout, cardText, MAP_BOX, statusTitleSize, titleSize, wrapText, type Measure, type ShareCard } from '../../src/lib/share-card.ts';

// A hand-made card; not a real district.
const card: ShareCard = {
  kicker: 'Алматы: Республика күніне арналған жобалар',
  title: 'Сынақ ауданы — Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі',
  stats: [
    { value: '12', label: 'жоба ашық дереккөздерде' },
    { value: '3', label: 'проекта с координатами' },
  ],
  footer: 'Data as of 5 November 2025 · №220 «сквер»',
};

/** The RGBA pixels of one of our PNGs (one IDAT chunk, rows unfiltered: src/lib/png.ts), row by row. */
function pngPixels(png: Uint8Array): { width: number; at: (x: number, y: number) => number[] } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const width = view.getUint32(16);
  const idat = view.getUint32(33);
  const rows = inflateSync(png.subarray(41, 41 + idat));
  return { width, at: (x, y) => [...rows.subarray(y * (width * 4 + 1) + 1 + x * 4, y * (width * 4 + 1) + 5 + x * 4)] };
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian). */
function pngSize(png: Uint8Array): [number, number] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return [view.getUint32(16), view.getUint32(20)];
}

describe('uncoveredCharacters', () => {
  test.each([
    // Every Kazakh letter is in the Cyrillic Extended subset.
    ['ӘәҒғҚқҢңӨөҰұҮүҺһІі', []],
    // Russian, English, digits and the typographic marks the site uses.
    ['Ёё №220 «сквер» — “quoted” 43,2 км² · …', []],
    // Characters outside the bundled subsets are reported, once each.
    ['Алматы 阿拉木图 阿', ['阿', '拉', '木', '图']],
  ])('%s', async (text, expected) => {
    expect(await uncoveredCharacters(text)).toEqual(expected);
  });
});

describe('renderPng', () => {
  test('draws a 1200×630 PNG with the text in it', async () => {
    const png = await renderPng(card);
    expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(pngSize(png)).toEqual([CARD_WIDTH, CARD_HEIGHT]);
    // The title's first line is drawn: dark pixels along its baseline, white above the kicker.
    const title = layoutCard(card).texts.find((t) => t.text.startsWith('Сынақ'))!;
    const px = pngPixels(png);
    const dark = [...Array(400).keys()].filter((dx) => px.at(title.x + dx, Math.round(title.y) - 5)[0]! < 100).length;
    expect(dark).toBeGreaterThan(20);
    expect(px.at(600, 20)).toEqual([255, 255, 255, 255]);
  });

  test('the same card gives the same bytes every time', async () => {
    expect(Buffer.from(await renderPng(card)).equals(Buffer.from(await renderPng(card)))).toBe(true);
  });

  test('refuses a card whose text the fonts cannot draw, naming the characters', async () => {
    await expect(renderPng({ ...card, title: 'Алматы 阿' })).rejects.toThrow(/"阿"/);
  });
});

describe('card layout', () => {
  test.each([
    // A district name is set large.
    ['Медеуский район', 88],
    // A long headline is set smaller so that it fits.
    ['В Алматы ко Дню Республики завершается реализация более 60 социально значимых проектов', 46],
  ])('titleSize(%s) = %i', (title, size) => {
    expect(titleSize(title)).toBe(size);
  });

  test.each([
    // A project card with a map has a narrower column and a status line: smaller titles.
    ['Обновлённый двор: ул. Гоголя, 77', 50],
    ['Square on the site of the former Presidential residence (west of Nazarbayev Avenue, north of Gandhi Street)', 38],
  ])('statusTitleSize(%s) = %i', (title, size) => {
    expect(statusTitleSize(title)).toBe(size);
  });

  test('cardText lists every visible text in reading order', () => {
    expect(cardText(card)).toEqual([card.kicker, card.title, '12', 'жоба ашық дереккөздерде', '3', 'проекта с координатами', card.footer]);
  });

  test('a project card shows its status under the title, in reading order, and draws', async () => {
    // A hand-made project card; not a real project.
    const project: ShareCard = {
      kicker: 'Сынақ ауданы · Әлеуметтік сала',
      title: '№99 мектепке қосымша ғимарат',
      status: { text: 'Мәртебесі: аяқталуға жақын', date: '2025 ж. 13 қараша хабар бойынша' },
      stats: [],
      footer: 'Деректер 2025 ж. 29 қараша бойынша',
    };
    expect(cardText(project)).toEqual([project.kicker, project.title, 'Мәртебесі: аяқталуға жақын', '2025 ж. 13 қараша хабар бойынша', project.footer]);
    expect(pngSize(await renderPng(project))).toEqual([CARD_WIDTH, CARD_HEIGHT]);
  });

  // A hand-made picture: a square "district" inside a larger "city".
  const map = {
    svg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 120" width="100" height="120"><path d="M0 0H100V120H0Z" fill="#dfe5e8"/><path d="M40 40H60V60H40Z" fill="#0b5a6e"/></svg>',
    width: 100,
    height: 120,
    credit: '© OpenStreetMap contributors',
  };

  test('a card with a map shows the picture beside the text, with the OpenStreetMap credit under it', () => {
    const layout = layoutCard({ ...card, map });
    // Scaled into the 380 × 470 map column, keeping its shape, at the card's right.
    expect([layout.map?.width, layout.map?.height]).toEqual([380, 456]);
    expect(layout.map!.x + layout.map!.width).toBe(CARD_WIDTH - 64);
    const credit = layout.texts.at(-1)!;
    expect(credit.text).toBe('© OpenStreetMap contributors');
    expect(credit.y).toBeGreaterThan(layout.map!.y + layout.map!.height);
    // The text keeps to its column, left of the picture.
    for (const t of layout.texts.slice(0, -1)) expect(t.x).toBeLessThan(layout.map!.x);
    expect(cardText({ ...card, map }).at(-1)).toBe('© OpenStreetMap contributors');
  });

  test('a card with a map renders to a PNG of the same size, the picture in its box', async () => {
    const square = { svg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="100" height="100"><path d="M0 0H100V100H0Z" fill="#b3261e"/></svg>', width: 100, height: 100, credit: '© OpenStreetMap contributors' };
    const png = await renderPng({ ...card, map: square });
    expect(pngSize(png)).toEqual([CARD_WIDTH, CARD_HEIGHT]);
    const box = layoutCard({ ...card, map: square }).map!;
    const px = pngPixels(png);
    expect(px.at(Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2))).toEqual([0xb3, 0x26, 0x1e, 255]);
    // Nothing of it outside the box.
    expect(px.at(Math.round(box.x) - 3, Math.round(box.y + box.height / 2))).toEqual([255, 255, 255, 255]);
  });

  test('a card is opaque white where nothing is drawn', async () => {
    const px = pngPixels(await renderPng(card));
    for (const [x, y] of [[CARD_WIDTH - 1, 0], [CARD_WIDTH - 1, CARD_HEIGHT - 1], [600, CARD_HEIGHT - 5]] as const) expect(px.at(x, y)).toEqual([255, 255, 255, 255]);
  });
});


describe('card geometry', () => {
  // Text measured as 0.6 em a letter (0.65 in bold): the layout's rules, without the fonts.
  const measure: Measure = (text, size, bold) => [...text].length * size * (bold ? 0.65 : 0.6);
  const map = {
    svg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 120" width="100" height="120"><path d="M0 0H100V120H0Z" fill="#dfe5e8"/></svg>',
    width: 100,
    height: 120,
    credit: '© OpenStreetMap contributors',
  };
  // A hand-made card with the longest figure labels the real cards use.
  const full: ShareCard = {
    kicker: 'Алматы: проекты ко Дню Республики',
    title: 'Сынақ ауданы',
    stats: [
      { value: '60-тан астам', label: 'жоба әкімдік хабарламасында' },
      { value: '55', label: 'проектов в открытых источниках' },
      { value: '8', label: 'проектов с координатами' },
    ],
    footer: 'Данные на 29 ноября 2025 г.',
  };

  test('wrapText breaks at spaces, within the width, and keeps a word longer than the line whole', () => {
    expect(wrapText('один два три четыре', 9 * 6, 10, false, measure)).toEqual(['один два', 'три', 'четыре']);
    expect(wrapText('Республика', 30, 10, false, measure)).toEqual(['Республика']);
    expect(wrapText('  ', 100, 10, false, measure)).toEqual([]);
  });

  test.each([
    ['three figures, no map', full],
    ['two figures beside a map', { ...full, stats: full.stats.slice(1), map }],
  ])('%s: the brand stripe is 20 px wide, and nothing reaches past the card or its margins', (_name, c) => {
    const layout = cardLayout(c, measure);
    expect(layout.rects.some((r) => r.x === 0 && r.width === 20 && r.height === CARD_HEIGHT && r.fill === '#0b5a6e')).toBe(true);
    for (const r of layout.rects) expect(r.x + r.width).toBeLessThanOrEqual(CARD_WIDTH);
    const right = c.map ? CARD_WIDTH - 64 - MAP_BOX.width - 40 : CARD_WIDTH - 64;
    for (const t of layout.texts.filter((t) => t.align !== 'center')) expect(t.x + measure(t.text, t.size, t.bold), t.text).toBeLessThanOrEqual(right);
    // The figure boxes are all as tall as the tallest, and the footer sits on the bottom margin.
    const boxes = layout.rects.filter((r) => r.radius);
    expect(boxes).toHaveLength(c.stats.length);
    expect(new Set(boxes.map((b) => b.height)).size).toBe(1);
    const footer = layout.texts.find((t) => t.text === c.footer)!;
    expect(footer.y).toBeGreaterThan(boxes[0]!.y + boxes[0]!.height);
    expect(footer.y).toBeLessThanOrEqual(CARD_HEIGHT - 48);
  });

  test('a long title wraps onto more lines, each set in the title size', () => {
    const long = cardLayout({ ...full, title: 'В Алматы ко Дню Республики завершается реализация более 60 социально значимых проектов' }, measure);
    const lines = long.texts.filter((t) => t.size === titleSize('В Алматы ко Дню Республики завершается реализация более 60 социально значимых проектов'));
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.map((l) => l.text).join(' ')).toBe('В Алматы ко Дню Республики завершается реализация более 60 социально значимых проектов');
  });
});

describe('resvg', () => {
  // CONTRIBUTING, "Rules we keep": without the option resvg reads every installed font for each image.
  test('every new Resvg(…) in src/ is told not to read the machine’s fonts', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const files = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ts|astro|mjs)$/.test(f));
    const calls = files.flatMap((f) => readFileSync(`src/${f}`, 'utf8').split('\n').filter((line) => line.includes('new Resvg(')).map((line) => [f, line] as const));
    // The logo (src/lib/logo.ts); the share cards are drawn with Skia.
    expect(calls.length).toBeGreaterThanOrEqual(1);
    for (const [file, line] of calls) expect(line, file).toContain('loadSystemFonts: false');
  });
});
