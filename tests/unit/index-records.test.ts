import { describe, expect, test } from 'vitest';
import { decodeIndex, encodeIndex, itemHref, metaParts, INDEX_VERSION, type IndexFile, type IndexItem, type IndexLabels } from '../../src/lib/index-records.ts';
import { filterProjects, parseState } from '../../src/lib/filter.ts';
import { dictionaries } from '../../src/i18n/index.ts';
import { records } from '../fixtures/filter.ts';

const ru = dictionaries.ru;
const labels: IndexLabels = {
  category: ru.labels.category,
  kind: ru.labels.kind,
  district: { alatau: 'Алатауский район', almaly: 'Алмалинский район', auezov: 'Ауэзовский район', bostandyk: 'Бостандыкский район', zhetysu: 'Жетысуский район', medeu: 'Медеуский район', nauryzbay: 'Наурызбайский район', turksib: 'Турксибский район' },
  stage: ru.labels.stage,
  membership: ru.labels.membership,
  precision: ru.labels.precision,
  districtNotStated: 'Район: не указано в источниках',
  asOf: 'на',
  onMap: 'на карте — {precision}',
};

// The fixture filter records, with what a list item shows; each display field varies somewhere.
const items: IndexItem[] = records.map((r, i) => ({
  ...r,
  title: `Тестовый проект ${i + 1}`,
  titleLang: i === 1 ? 'ru' : undefined,
  asOf: i === 0 ? { iso: '2025-10-24', text: '24 октября 2025 г.' } : undefined,
  precision: r.located ? 'street' : undefined,
  capacity: i === 0 ? { text: '2000 мест', lang: undefined } : i === 2 ? { text: '300 places', lang: 'en' } : undefined,
}));
const file: IndexFile = { href: '/kk/projects/{id}/', labels, items };
const roundTrip = (f: IndexFile) => decodeIndex(JSON.parse(JSON.stringify(encodeIndex(f))));

describe('encodeIndex and decodeIndex', () => {
  test('read back exactly what was written', () => {
    expect(roundTrip(file)).toEqual(file);
  });

  test('filtering the decoded file gives what filtering the records gives', () => {
    const decoded = roundTrip(file)!;
    for (const query of ['district=turksib', 'category=social', 'q=школа', 'located=yes&funding=private', 'district=none']) {
      const state = parseState(query);
      expect(filterProjects(decoded.items, state).map((i) => i.id), query).toEqual(filterProjects(records, state).map((r) => r.id));
    }
  });

  const good = encodeIndex(file);
  test.each([
    // Not an object at all (a failed fetch, an HTML error page parsed as JSON).
    ['null', null],
    // Another version of the layout.
    ['an old version', { ...good, v: INDEX_VERSION + 1 }],
    // A link template without the id placeholder.
    ['a template without {id}', { ...good, href: '/projects/' }],
    // A label missing for one value of a vocabulary.
    ['a missing label', { ...good, labels: { ...good.labels, stage: { opened: 'открыт' } } }],
    // A value outside the vocabulary in one row.
    ['an unknown category', { ...good, rows: [['x', 'sports', ...good.rows[0]!.slice(2)]] }],
    // A short row.
    ['a short row', { ...good, rows: [good.rows[0]!.slice(0, 10)] }],
    // An unknown precision.
    ['an unknown precision', { ...good, rows: [[...good.rows[0]!.slice(0, 7), 'roughly', ...good.rows[0]!.slice(8)]] }],
  ])('refuse %s', (_, json) => {
    expect(decodeIndex(json)).toBeUndefined();
  });
});

describe('metaParts', () => {
  test.each([
    // Category, kind, district, status with its date, membership (bold when confirmed), map, capacity.
    [
      0,
      [
        { text: 'Социальная сфера' },
        { text: 'школа' },
        { text: 'Медеуский район' },
        { text: ru.labels.stage.opened, date: { before: ' (на ', iso: '2025-10-24', text: '24 октября 2025 г.', after: ')' } },
        { text: ru.labels.membership.confirmed, strong: true },
        { text: `на карте — ${ru.labels.precision.street}` },
        { text: '2000 мест', lang: undefined },
      ],
    ],
    // No district: "not stated"; no date, no point; capacity in another language keeps its lang.
    [
      2,
      [
        { text: 'Инфраструктура и благоустройство' },
        { text: 'сквер' },
        { text: 'Район: не указано в источниках' },
        { text: ru.labels.stage['in-progress'], date: undefined },
        { text: ru.labels.membership.unlikely, strong: false },
        { text: '300 places', lang: 'en' },
      ],
    ],
  ])('item %i', (i, expected) => {
    expect(metaParts(items[i]!, labels)).toEqual(expected);
  });
});

describe('itemHref', () => {
  test.each([
    // The id goes where the template says.
    ['/kk/projects/{id}/', 'soc-school-1', '/kk/projects/soc-school-1/'],
    // An odd id cannot break out of the path.
    ['/projects/{id}/', 'a/b?c', '/projects/a%2Fb%3Fc/'],
  ])('%s + %s → %s', (template, id, expected) => {
    expect(itemHref(template, id)).toBe(expected);
  });
});
