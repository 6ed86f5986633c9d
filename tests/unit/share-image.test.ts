import { describe, expect, test } from 'vitest';
import { inflateSync } from 'node:zlib';
import { inlineSvgImages, renderPng, renderSvg, uncoveredCharacters } from '../../src/lib/share-image.ts';
import { CARD_HEIGHT, CARD_WIDTH, cardText, cardTree, statusTitleSize, titleSize, type CardNode, type ShareCard } from '../../src/lib/share-card.ts';

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
  test('draws a 1200×630 PNG with the text as paths (no font needed to view it)', async () => {
    const png = await renderPng(card);
    expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(pngSize(png)).toEqual([CARD_WIDTH, CARD_HEIGHT]);
    const svg = await renderSvg(card);
    expect(svg).not.toContain('<text');
    expect(svg).toContain('<path');
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
  const nodes = (n: CardNode | string): Array<CardNode> =>
    typeof n === 'string' ? [] : [n, ...[n.props.children ?? []].flat().flatMap((c) => nodes(c as CardNode | string))];

  test('a card with a map shows the picture beside the text, with the OpenStreetMap credit under it', () => {
    const tree = nodes(cardTree({ ...card, map }, 'Noto Sans'));
    const img = tree.find((n) => n.type === 'img');
    expect(img?.props.src).toMatch(/^data:image\/svg\+xml;base64,/);
    // Scaled into the 380 × 470 map column, keeping its shape.
    expect([img?.props.width, img?.props.height]).toEqual([380, 456]);
    expect(cardText({ ...card, map }).at(-1)).toBe('© OpenStreetMap contributors');
  });

  test('a card with a map renders to a PNG of the same size', async () => {
    const png = await renderPng({ ...card, map });
    expect(pngSize(png)).toEqual([CARD_WIDTH, CARD_HEIGHT]);
  });

  test('the map is drawn as shapes on the card: satori’s <image> becomes a nested <svg> in the same box', async () => {
    const square = { svg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="100" height="100"><path d="M0 0H100V100H0Z" fill="#b3261e"/></svg>', width: 100, height: 100, credit: '© OpenStreetMap contributors' };
    const satoriSvg = await renderSvg({ ...card, map: square });
    const image = /<image x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/.exec(satoriSvg);
    expect(image).not.toBeNull();
    const inlined = inlineSvgImages(satoriSvg);
    expect(inlined).not.toContain('<image');
    const [, x, y, w, h] = image!;
    expect(inlined).toContain(`<svg x="${x}" y="${y}" width="${w}" height="${h}" viewBox="0 0 100 100" preserveAspectRatio="none"><path d="M0 0H100V100H0Z" fill="#b3261e"/></svg>`);
    // And the PNG has the square's colour at the box's centre.
    const px = pngPixels(await renderPng({ ...card, map: square }));
    expect(px.at(Math.round(Number(x) + Number(w) / 2), Math.round(Number(y) + Number(h) / 2))).toEqual([0xb3, 0x26, 0x1e, 255]);
  });

  test('inlineSvgImages leaves other images and unreadable data as they are', () => {
    const png = '<svg><image x="1" y="2" width="3" height="4" href="data:image/png;base64,iVBORw0KGgo="/></svg>';
    expect(inlineSvgImages(png)).toBe(png);
    const noViewBox = `<svg><image x="1" y="2" width="3" height="4" href="data:image/svg+xml;base64,${btoa('<svg width="3" height="4"><path d="M0 0H3"/></svg>')}"/></svg>`;
    expect(inlineSvgImages(noViewBox)).toBe(noViewBox);
  });

  test('a card is opaque white where nothing is drawn, without asking resvg for a background', async () => {
    const px = pngPixels(await renderPng(card));
    for (const [x, y] of [[CARD_WIDTH - 1, 0], [CARD_WIDTH - 1, CARD_HEIGHT - 1], [600, CARD_HEIGHT - 5]] as const) expect(px.at(x, y)).toEqual([255, 255, 255, 255]);
  });
});


describe('card geometry', () => {
  // Every rectangle satori drew, as [x, y, width, height, fill].
  const rects = (svg: string) =>
    [...svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"(?: fill="([^"]*)")?/g)].map((m) => [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), m[5]] as const);
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

  test.each([
    ['three figures, no map', full],
    ['two figures beside a map', { ...full, stats: full.stats.slice(1), map }],
  ])('%s: the brand stripe is drawn 20 px wide and nothing reaches past the card', async (_name, c) => {
    const drawn = rects(await renderSvg(c));
    expect(drawn.some(([x, , w, h, fill]) => x === 0 && w === 20 && h === CARD_HEIGHT && fill === '#0b5a6e')).toBe(true);
    for (const [x, , w] of drawn) expect(x + w).toBeLessThanOrEqual(CARD_WIDTH);
  });
});

describe('resvg', () => {
  // CONTRIBUTING, "Rules we keep": without the option resvg reads every installed font for each image.
  test('every new Resvg(…) in src/ is told not to read the machine’s fonts', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const files = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ts|astro|mjs)$/.test(f));
    const calls = files.flatMap((f) => readFileSync(`src/${f}`, 'utf8').split('\n').filter((line) => line.includes('new Resvg(')).map((line) => [f, line] as const));
    expect(calls.length).toBeGreaterThanOrEqual(2);
    for (const [file, line] of calls) expect(line, file).toContain('loadSystemFonts: false');
  });
});
