import { describe, expect, test, vi } from 'vitest';
import readXlsxFile from 'read-excel-file/node';
import { toJsonRecord } from '../../src/lib/export.ts';
import { textIn, xlsxSheets, type XlsxLabels } from '../../src/lib/xlsx-sheets.ts';
import { pickText } from '../../src/lib/local-text.ts';
import { fixedZipTimes, writeWorkbook } from '../../src/lib/xlsx-write.ts';
import { dictionaries } from '../../src/i18n/index.ts';
import { LOCALES, type Locale } from '../../src/lib/vocabulary.ts';
import { bare, located } from '../fixtures/export.ts';

// Hand-made records (tests/fixtures/export.ts), never real projects.
const records = [located, bare].map((p) => toJsonRecord(p, `https://example.org/projects/${p.id}/`));

function labels(lang: Locale): XlsxLabels {
  const d = dictionaries[lang];
  return {
    sheets: d.xlsx.sheets,
    columns: d.xlsx.columns,
    project: d.xlsx.project,
    reportNumber: d.xlsx.reportNumber,
    ours: d.translation.mark,
    values: {
      category: d.labels.category,
      kind: d.labels.kind,
      district: { auezov: 'Ауэзовский район' },
      'location.precision': d.labels.precision,
      funding: d.labels.funding,
      'status.stage': d.labels.stage,
      'history[].stage': d.labels.stage,
      republicDay: d.labels.membership,
      confidence: d.labels.confidence,
      'sources[].language': d.labels.sourceLanguage,
    },
    readme: [
      [d.xlsx.readme.asOf, new Date('2025-11-05T00:00:00Z')],
      [d.xlsx.readme.licence, 'CC BY 4.0'],
    ],
  };
}

const sheetsFor = (lang: Locale) => xlsxSheets({ lang, records, pageUrl: (id) => `https://example.org/${lang}/projects/${id}/`, labels: labels(lang) });

/** The workbook as a reader gets it: written, then opened with read-excel-file. */
async function open(lang: Locale) {
  const bytes = await writeWorkbook(sheetsFor(lang), lang);
  const book = await readXlsxFile(Buffer.from(bytes));
  return Object.fromEntries(book.map((s) => [s.sheet, s.data]));
}

describe('the spreadsheet', () => {
  test('the same sheets give the same bytes, whenever they are written', async () => {
    try {
      vi.useFakeTimers();
      vi.setSystemTime(new Date('2025-11-05T10:00:00Z'));
      const first = await writeWorkbook(sheetsFor('ru'), 'ru');
      vi.setSystemTime(new Date('2026-03-01T17:45:13Z'));
      const second = await writeWorkbook(sheetsFor('ru'), 'ru');
      expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  test('fixedZipTimes leaves what is not a zip alone', () => {
    const bytes = new Uint8Array([1, 2, 3, 4, 5]);
    expect([...fixedZipTimes(bytes)]).toEqual([1, 2, 3, 4, 5]);
  });

  test('opens with read-excel-file and has the four sheets, named in the reader’s language', async () => {
    const book = await open('ru');
    expect(Object.keys(book)).toEqual(['Проекты', 'Источники', 'Сообщения о статусе', 'Читать']);
  });

  test('holds every project, every source and every report, once', async () => {
    const book = await open('ru');
    const ids = (rows: unknown[][] | undefined) => (rows ?? []).slice(1).map((r) => r[0]);
    expect(ids(book['Проекты'])).toEqual(records.map((r) => r.id));
    expect(ids(book['Источники'])).toEqual(records.flatMap((r) => r.sources.map(() => r.id)));
    expect(ids(book['Сообщения о статусе'])).toEqual(records.flatMap((r) => r.history.map(() => r.id)));
    // Each source row carries its URL; each report row its source.
    const header = book['Источники']?.[0] ?? [];
    const urlColumn = header.indexOf('Ссылка');
    expect((book['Источники'] ?? []).slice(1).map((r) => r[urlColumn])).toEqual(records.flatMap((r) => r.sources.map((s) => s.url)));
  });

  test('dates are date cells, not text', async () => {
    const book = await open('ru');
    const [header = [], first = []] = book['Проекты'] ?? [];
    expect(first[header.indexOf('Дата статуса')]).toEqual(new Date('2025-11-05T00:00:00Z'));
    expect(first[header.indexOf('Дата открытия')]).toEqual(new Date('2025-10-24T00:00:00Z'));
    const sources = book['Источники'] ?? [];
    expect(sources[1]?.[(sources[0] ?? []).indexOf('Дата публикации')]).toEqual(new Date('2025-10-23T00:00:00Z'));
    // An undated source leaves the cell empty rather than writing a made-up date.
    expect(sources[2]?.[(sources[0] ?? []).indexOf('Дата публикации')]).toBeNull();
    expect((book['Читать'] ?? [])[0]?.[1]).toEqual(new Date('2025-11-05T00:00:00Z'));
  });

  test('labels replace codes, texts are in the reader’s language and Cyrillic survives', async () => {
    const ru = await open('ru');
    const [header = [], first = []] = ru['Проекты'] ?? [];
    expect(first[header.indexOf('Блок')]).toBe(dictionaries.ru.labels.category.infrastructure);
    expect(first[header.indexOf('Финансирование')]).toBe(`${dictionaries.ru.labels.funding['public-budget']}, ${dictionaries.ru.labels.funding.private}`);
    expect(first[header.indexOf('Название')]).toBe('Тестовый сквер "Жастар", корпус 1');
    // The number of status reports, and the page in the reader's language.
    expect(first[header.indexOf('Сообщений о статусе')]).toBe(2);
    expect(first[header.indexOf('Страница проекта')]).toBe('https://example.org/ru/projects/fx-located-square/');

    const kk = await open('kk');
    const [kkHeader = [], kkFirst = [], kkSecond = []] = kk['Жобалар'] ?? [];
    // The Kazakh title is our translation, and the cell says so as the page does; the Russian is not.
    expect(kkFirst[kkHeader.indexOf('Атауы')]).toBe(`Сынақ саябағы: Әуезов ауданы (${dictionaries.kk.translation.mark})`);
    // Where the content has no Kazakh text, the Russian (the sources' language) stands.
    expect(kkSecond[kkHeader.indexOf('Мәртебесі')]).toBe(dictionaries.kk.labels.stage.planned);
    expect(kkFirst[kkHeader.indexOf('Ескертулер')]).toBe('ескерту');
    expect(kkFirst[kkHeader.indexOf('Аумағы')]).toBe('1 га');
  });

  test('numbers stay numbers', async () => {
    const book = await open('en');
    const [header = [], first = []] = book['Projects'] ?? [];
    expect(first[header.indexOf('Latitude')]).toBe(43.2347);
    expect(first[header.indexOf('Longitude')]).toBe(76.9477);
  });

  test.each(LOCALES)('the %s dictionary has a heading for every field of the files', (lang) => {
    expect(() => sheetsFor(lang)).not.toThrow();
    // No two columns of a sheet share a heading (the README sheet has none).
    for (const s of sheetsFor(lang).slice(0, -1)) expect(new Set(s.columns.map((c) => c.header)).size, s.name).toBe(s.columns.length);
  });
});

describe('a text cell', () => {
  // Hand-made texts, each missing some language.
  const texts = [
    { ru: 'только по-русски', kk: null, en: null, translated: [] },
    { ru: 'по-русски', kk: 'қазақша', en: null, translated: [] },
    { ru: '', kk: null, en: 'English only', translated: [] },
    { ru: '', kk: 'тек қазақша', en: null, translated: [] },
  ];
  test.each(LOCALES)('in %s shows what the page shows in its place', (lang) => {
    for (const v of texts) {
      expect(textIn(v, lang), JSON.stringify(v)).toBe(pickText({ ru: v.ru, kk: v.kk ?? undefined, en: v.en ?? undefined }, lang)?.text ?? null);
    }
    expect(textIn(texts[2], lang)).toBe('English only');
    expect(textIn(null, lang)).toBeNull();
  });
});
