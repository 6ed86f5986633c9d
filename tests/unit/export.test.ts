import { describe, expect, test } from 'vitest';
import {
  join,
  CSV_HEADER,
  FIELDS,
  LIST_SEPARATOR,
  csvRow,
  csvTable,
  docKey,
  flatRecord,
  selectRecords,
  toFeature,
  toFeatures,
  toJsonRecord,
  viewFileName,
  type ProjectJson,
} from '../../src/lib/export.ts';
import { dictionaries } from '../../src/i18n/index.ts';
import { LOCALES } from '../../src/lib/vocabulary.ts';
import { bare, located } from '../fixtures/export.ts';
import { ProjectObjectSchema } from '../../src/schemas/project.ts';

const URL_A = 'https://example.org/projects/fx-located-square/';
const URL_B = 'https://example.org/projects/fx-bare-plant/';
const full = toJsonRecord(located, URL_A);
const minimal = toJsonRecord(bare, URL_B);

/** Leaf paths of a JSON record; a {ru, kk?, en?} object and a list of them count as one leaf. */
function paths(value: unknown, prefix = ''): string[] {
  const isText = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v) && 'ru' in v;
  if (Array.isArray(value)) {
    if (value.length === 0 || value.every(isText) || value.every((v) => typeof v !== 'object')) return [prefix];
    return [...new Set(value.flatMap((v) => paths(v, `${prefix}[]`)))];
  }
  if (typeof value !== 'object' || value === null || isText(value)) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => paths(v, prefix ? `${prefix}.${k}` : k));
}

describe('toJsonRecord', () => {
  test.each([
    // Dates become calendar dates, not timestamps.
    ['status.date', full.status.date, '2025-11-05'],
    ['opened', full.opened, '2025-10-24'],
    ['sources[0].date', full.sources[0]?.date, '2025-10-23'],
    // A language the content does not give is an explicit null, not a missing key.
    ['area.en', full.area?.en, null],
    // Every language of the title, and which ones are our translation ([] where none is).
    ['title', full.title, { ru: 'Тестовый сквер "Жастар", корпус 1', kk: 'Сынақ саябағы: Әуезов ауданы', en: 'Test square “Zhastar”, block 1', translated: ['kk', 'en'] }],
    ['title.translated of a project whose languages are all the sources\'', minimal.title.translated, []],
    ['area.translated when the content marks none', full.area?.translated, []],
    ['address', full.address, { ru: 'мкр. Тестовый, 1', kk: 'Тестовый шағынауданы, 1', en: '1 Testovy microdistrict', translated: ['kk', 'en'] }],
    ['address when there is none', minimal.address, null],
    // Missing optional fields are null; missing lists are empty.
    ['district', minimal.district, null],
    ['location', minimal.location, null],
    // The coordinate's source named for readers, every language, as the page shows it.
    ['location.sourceName', full.location?.sourceName, { ru: 'тестовая ГИС', kk: 'сынақ ГАЖ-ы', en: 'a test GIS', translated: ['kk', 'en'] }],
    ['funding', minimal.funding, []],
    // The permalink is the one the caller passes.
    ['url', full.url, URL_A],
    // The Markdown body is the Russian description, trimmed; Kazakh and English come from front matter.
    ['description', full.description, { ru: 'Описание **в Markdown**.', kk: 'Сынақ сипаттамасы.', en: 'A test description.', translated: ['kk', 'en'] }],
    ['description when there is no body', minimal.description, { ru: null, kk: 'Сынақ зауыты.', en: 'A test plant.', translated: [] }],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  test('survives a JSON round trip unchanged (no Dates, no undefined)', () => {
    expect(JSON.parse(JSON.stringify(full))).toEqual(full);
  });
});

describe('FIELDS documents the formats', () => {
  const containers = FIELDS.filter((f) => f.type === 'object' || f.type === 'object-list').map((f) => f.key);
  const documented = FIELDS.map((f) => f.key);

  test('every leaf of a full JSON record is a documented field, and every documented field occurs', () => {
    expect(paths(full).sort()).toEqual(documented.filter((k) => !containers.includes(k)).sort());
  });

  test('every field of the content schema is exported, so a new front-matter field cannot be left out silently', () => {
    // The Markdown body is exported as `description`; the id and url are added by the exporter.
    expect(Object.keys(ProjectObjectSchema.shape).filter((k) => !(k in full))).toEqual([]);
  });

  test('every container holds at least one documented field', () => {
    for (const c of containers) expect(documented.some((k) => k.startsWith(`${c}.`) || k.startsWith(`${c}[].`))).toBe(true);
  });

  test('CSV column names are unique and snake_case', () => {
    expect(new Set(CSV_HEADER).size).toBe(CSV_HEADER.length);
    for (const name of CSV_HEADER) expect(name).toMatch(/^[a-z][a-z0-9_]*$/);
  });

  test('an enum field lists its allowed values, and the records use only those', () => {
    for (const f of FIELDS.filter((x) => x.type === 'enum' || x.type === 'enum-list')) {
      expect(f.allowed?.length, f.key).toBeGreaterThan(0);
      for (const record of [full, minimal]) {
        for (const c of f.columns) {
          const cell = c.get(record);
          const values = cell === null || cell === undefined || cell === '' ? [] : String(cell).split(LIST_SEPARATOR).filter(Boolean);
          for (const v of values) expect(f.allowed, `${f.key}=${v}`).toContain(v);
        }
      }
    }
  });

  test.each(LOCALES)('the %s dictionary describes every field and nothing else', (lang) => {
    const described = Object.keys(dictionaries[lang].data.fields).sort();
    expect(described).toEqual([...new Set(FIELDS.map((f) => docKey(f.key)))].sort());
  });
});

describe('csvRow', () => {
  const row = (r: ProjectJson) => Object.fromEntries(CSV_HEADER.map((h, i) => [h, csvRow(r)[i]]));

  test('the last column names the row\'s columns whose text is our translation, and only those with a text', () => {
    expect(CSV_HEADER.at(-1)).toBe('our_translations');
    // The title, the coordinates' source name and the description are ours in Kazakh and English; the
    // address column is the Russian, which is the source's (its Kazakh and English are in the JSON).
    expect(row(full)['our_translations']).toBe(['title_kk', 'title_en', 'location_source_name_en', 'description_kk', 'description_en'].join(LIST_SEPARATOR));
    expect(row(minimal)['our_translations']).toBeNull();
  });

  test.each([
    // Plain fields are copied.
    ['id', 'fx-located-square'],
    ['title_kk', 'Сынақ саябағы: Әуезов ауданы'],
    ['title_en', 'Test square “Zhastar”, block 1'],
    // The address keeps its one column, as the source writes it; its translations are in the JSON.
    ['address', 'мкр. Тестовый, 1'],
    ['description_ru', 'Описание **в Markdown**.'],
    ['description_kk', 'Сынақ сипаттамасы.'],
    ['description_en', 'A test description.'],
    // Coordinates are numbers in their own columns, latitude then longitude as the names say.
    ['lat', 43.2347],
    ['lon', 76.9477],
    ['location_precision', 'microdistrict'],
    // The coordinate's source: the citation as written, and its name for readers in its own columns.
    ['location_source', 'тестовый источник'],
    ['location_source_name_ru', 'тестовая ГИС'],
    ['location_source_name_en', 'a test GIS'],
    // Text fields have a Russian and an English column; Kazakh stays in the JSON.
    ['status_wording_ru', 'завершён'],
    ['status_wording_en', 'completed'],
    ['area_en', null],
    // Lists are joined with " | ", keeping positions; an empty item at the end is dropped, so no cell
    // ends in an empty separator (the second fact has no English; the second source no date).
    ['funding', 'public-budget | private'],
    ['facts_en', 'first fact'],
    ['source_urls', 'https://example.org/a | https://example.org/b'],
    ['source_outlets', 'Example A | Example B'],
    ['source_dates', '2025-10-23'],
    // The CSV writer, not the row builder, defuses formula-like text.
    ['republic_day_note_ru', '=формула?'],
  ])('%s', (column, expected) => {
    expect(row(full)[column]).toEqual(expected);
  });

  test('a bare record gives one cell per column, empty where unknown', () => {
    const cells = csvRow(minimal);
    expect(cells).toHaveLength(CSV_HEADER.length);
    expect(row(minimal)['district']).toBeNull();
    expect(row(minimal)['lat']).toBeNull();
    expect(row(minimal)['funding']).toBeNull();
  });

  test.each([
    // Nothing at all: an empty cell, not " |  | ".
    [[null, null, null], null],
    [[], null],
    // An empty item inside keeps its place, so the third date stays with the third source.
    [['2025-10-23', null, '2025-11-12'], '2025-10-23 |  | 2025-11-12'],
    // Trailing empty items go.
    [[null, '2025-11-12', null, undefined], ' | 2025-11-12'],
  ])('join(%o) → %o', (items, expected) => {
    expect(join(items)).toBe(expected);
  });

  test('csvTable puts the header first, then one row per record', () => {
    const table = csvTable([full, minimal]);
    expect(table[0]).toEqual(CSV_HEADER);
    expect(table.map((r) => r[0])).toEqual(['id', 'fx-located-square', 'fx-bare-plant']);
  });
});

describe('GeoJSON', () => {
  test('a located project is a Point at [longitude, latitude] (RFC 7946)', () => {
    const f = toFeature(full);
    expect(f?.geometry).toEqual({ type: 'Point', coordinates: [76.9477, 43.2347] });
    expect(f?.id).toBe('fx-located-square');
  });

  test('the precision and what the point marks travel with it; lat/lon are not repeated', () => {
    const props = toFeature(full)?.properties ?? {};
    expect(props['location_precision']).toBe('microdistrict');
    expect(props['location_refers_to_en']).toBe('a point in the microdistrict');
    expect(props).not.toHaveProperty('lat');
    expect(props).not.toHaveProperty('lon');
    expect(Object.keys(props)).toHaveLength(Object.keys(flatRecord(full)).length - 2);
  });

  test('an unlocated project has no feature', () => {
    expect(toFeature(minimal)).toBeNull();
    expect([...toFeatures([full, minimal])].map((f) => f.id)).toEqual(['fx-located-square']);
  });
});

describe('selectRecords', () => {
  test.each([
    // The page's order wins over the file's.
    [['fx-bare-plant', 'fx-located-square'], ['fx-bare-plant', 'fx-located-square']],
    // An id the file does not know is skipped rather than written as a blank row.
    [['fx-gone', 'fx-located-square'], ['fx-located-square']],
    // An empty view is an empty selection (the file then has only its header).
    [[], []],
  ])('%j → %j', (ids, expected) => {
    expect(selectRecords([full, minimal], ids).map((r) => r.id)).toEqual(expected);
  });
});

describe('viewFileName', () => {
  test.each([
    // No filter: the whole list.
    ['', 'projects.csv'],
    // Each filter becomes part of the name.
    ['?category=social', 'projects-category-social.csv'],
    ['?category=social&district=medeu', 'projects-category-social-district-medeu.csv'],
    // Empty parameters are ignored.
    ['?category=&district=medeu', 'projects-district-medeu.csv'],
    // Anything outside [a-z0-9] is squashed to a hyphen, so the name is safe on every system.
    ['?q=Школа №1/../x', 'projects-q-1-x.csv'],
  ])('%j → %s', (search, expected) => {
    expect(viewFileName(search)).toBe(expected);
  });
});
