import { describe, expect, test } from 'vitest';
import { renderPng, renderSvg, uncoveredCharacters } from '../../src/lib/share-image.ts';
import { CARD_HEIGHT, CARD_WIDTH, cardText, titleSize, type ShareCard } from '../../src/lib/share-card.ts';

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
});
