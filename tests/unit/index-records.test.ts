import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { FrontCoded, byKey, decodeFirst, decodeIndex, encodeFirst, encodeIndex, firstMatches, frontCode, frontDecode, itemHref, metaParts, type IndexFile, type IndexItem, type IndexLabels, type SearchNames } from '../../src/lib/index-records.ts';
import { filterProjects, parseState, stateOf, toFilterRecord } from '../../src/lib/filter.ts';
import { CATEGORIES, DISTRICT_SLUGS, FUNDING_SOURCES, KINDS, LIST_MEMBERSHIP, STATUS_STAGES } from '../../src/lib/vocabulary.ts';
import { dictionaries } from '../../src/i18n/index.ts';
import { names, records } from '../fixtures/filter.ts';

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
const searchNames: SearchNames = { district: byKey(DISTRICT_SLUGS, names.district), kind: byKey(KINDS, names.kind) };
const file: IndexFile = { href: '/kk/projects/{id}/', labels, names: searchNames, items };
const roundTrip = (f: IndexFile) => decodeIndex(JSON.parse(JSON.stringify(encodeIndex(f))));
const wordSet = (text: string) => new Set(text.split(' ').filter(Boolean));
/** An item as plain data, its search text as a set of words (the order of words does not matter to the filter). */
const plain = (i: IndexItem) => ({
  id: i.id,
  category: i.category,
  kind: i.kind,
  district: i.district,
  stage: i.stage,
  funding: [...i.funding],
  list: i.list,
  located: i.located,
  search: wordSet(i.searchText),
  title: i.title,
  titleLang: i.titleLang,
  asOf: i.asOf,
  precision: i.precision,
  capacity: i.capacity,
});

describe('encodeIndex and decodeIndex', () => {
  test('read back what was written: every field, and the same search words', () => {
    const decoded = roundTrip(file)!;
    expect(decoded.href).toBe(file.href);
    expect(decoded.labels).toEqual(file.labels);
    expect(decoded.items.map(plain)).toEqual(items.map(plain));
  });

  test('filtering the decoded file gives what filtering the records gives', () => {
    const decoded = roundTrip(file)!;
    for (const query of ['district=turksib', 'category=social', 'q=школа', 'q=medeu district', 'q=мектеп', 'located=yes&funding=private', 'district=none']) {
      const state = parseState(query);
      expect(filterProjects(decoded.items, state).map((i) => i.id), query).toEqual(filterProjects(records, state).map((r) => r.id));
    }
  });

  test('a project\'s title, district and kind names are left out of the file and put back by the browser', () => {
    // A project whose search text holds its title and its district's and kind's names, as
    // toFilterRecord writes it; the file keeps only the words of the other languages' titles.
    const p = toFilterRecord({ id: 'fx-x', title: { ru: 'Школа у парка', kk: 'Саябақ маңындағы мектеп', en: 'School by the park' }, category: 'social', kind: 'school', district: 'medeu', status: { stage: 'opened' }, republicDay: 'confirmed' }, names);
    const item: IndexItem = { ...p, title: 'Школа у парка', titleLang: undefined, asOf: undefined, precision: undefined, capacity: undefined };
    const encoded = encodeIndex({ ...file, items: [item] });
    expect(encoded.values.words).toEqual(['саябак манындагы by the park']);
    expect(encoded.values.derive).toEqual(['7']);
    expect(wordSet(decodeIndex(JSON.parse(JSON.stringify(encoded)))!.items[0]!.searchText)).toEqual(wordSet(p.searchText));
  });

  test('random projects: the same matches for random searches and filters, and the same words', () => {
    const word = fc.constantFrom('школа', 'Мектеп', 'school', 'двор', 'Қанат', 'канат', '№220', 'парк', 'Medeu', 'ауданы', 'a', 'ё', 'x1');
    const text = fc.array(word, { maxLength: 4 }).map((w) => w.join(' '));
    const project = fc.record({
      id: fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/),
      title: fc.record({ ru: text.filter(Boolean), kk: fc.option(text.filter(Boolean), { nil: undefined }), en: fc.option(text.filter(Boolean), { nil: undefined }) }),
      address: fc.option(fc.record({ ru: text }), { nil: undefined }),
      category: fc.constantFrom(...CATEGORIES),
      kind: fc.constantFrom(...KINDS),
      district: fc.option(fc.constantFrom(...DISTRICT_SLUGS), { nil: undefined }),
      status: fc.record({ stage: fc.constantFrom(...STATUS_STAGES) }),
      republicDay: fc.constantFrom(...LIST_MEMBERSHIP),
      funding: fc.subarray([...FUNDING_SOURCES]),
      // The title shown: the page language's, another language's (kk page with a Russian title), or one not in the search text at all.
      shown: fc.constantFrom('ru', 'kk', 'other'),
    });
    const query = fc.record({ q: fc.array(word, { maxLength: 2 }).map((w) => w.join(' ')), district: fc.subarray([...DISTRICT_SLUGS, 'none']), kind: fc.subarray([...KINDS], { maxLength: 2 }) });
    fc.assert(
      fc.property(fc.uniqueArray(project, { selector: (p) => p.id, minLength: 1, maxLength: 12 }), fc.array(query, { minLength: 1, maxLength: 5 }), (projects, queries) => {
        const list: IndexItem[] = projects.map((p) => ({
          ...toFilterRecord(p, names),
          title: p.shown === 'kk' ? (p.title.kk ?? p.title.ru) : p.shown === 'ru' ? p.title.ru : 'Заголовок',
          titleLang: undefined,
          asOf: undefined,
          precision: undefined,
          capacity: undefined,
        }));
        const decoded = roundTrip({ ...file, items: list })!;
        expect(decoded.items.map(plain)).toEqual(list.map(plain));
        for (const q of queries) {
          const state = parseState(new URLSearchParams({ q: q.q, district: q.district.join(','), kind: q.kind.join(',') }));
          expect(filterProjects(decoded.items, state).map((i) => i.id)).toEqual(filterProjects(list, state).map((i) => i.id));
        }
      }),
      { numRuns: 200 },
    );
  });

  test.each([
    // Shared prefixes are written once; the first string has none.
    [['syn-00001', 'syn-00002', 'syn-01249', 'park'], ['0 syn-00001', '8 2', '5 1249', '0 park']],
    // A string that is a prefix of the one before it.
    [['abcdef', 'abc'], ['0 abcdef', '3 ']],
    // A pair of surrogates (an emoji) is never split between two entries.
    [['a😀b', 'a😁b'], ['0 a😀b', '1 😁b']],
  ])('frontCode(%j)', (list, coded) => {
    expect(frontCode(list)).toEqual(coded);
    expect(frontDecode(coded)).toEqual(list);
  });

  test.each([['7 abc'], ['x'], [' abc'], ['1x abc'], [5]])('frontDecode refuses %j', (entry) => {
    expect(frontDecode(['0 abcdef', entry])).toBeUndefined();
  });

  test('FrontCoded reads only as far as it is asked', () => {
    const list = ['0 syn-00001', '8 2', '5 1249', '0 park'];
    const coded = new FrontCoded(list);
    expect(coded.at(1)).toBe('syn-00002');
    // Nothing past the entry asked for has been read: a malformed tail is not touched.
    const broken = new FrontCoded([...list.slice(0, 2), 'x']);
    expect(broken.at(1)).toBe('syn-00002');
    expect([0, 1, 2, 3].map((i) => coded.at(i))).toEqual(['syn-00001', 'syn-00002', 'syn-01249', 'park']);
  });

  test('a decoded item reads its title and id when asked, and the same as every other', () => {
    const decoded = roundTrip(file)!;
    const last = decoded.items.at(-1)!;
    expect([last.id, last.title]).toEqual([items.at(-1)!.id, items.at(-1)!.title]);
    expect(decoded.items.map((i) => i.title)).toEqual(items.map((i) => i.title));
  });

  const good = encodeIndex(file);
  test.each([
    // Not an object at all (a failed fetch, an HTML error page parsed as JSON).
    ['null', null],
    // Another version of the layout (version 1 had rows).
    ['an old version', { ...good, v: 1 }],
    // A link template without the id placeholder.
    ['a template without {id}', { ...good, href: '/projects/' }],
    // A label missing for one value of a vocabulary.
    ['a missing label', { ...good, labels: { ...good.labels, stage: { opened: 'открыт' } } }],
    // A value outside the vocabulary.
    ['an unknown category', { ...good, values: { ...good.values, category: ['sports', ...good.values.category.slice(1)] } }],
    // A column shorter than the list.
    ['a short column', { ...good, columns: { ...good.columns, kind: good.columns.kind.slice(1) } }],
    // A column pointing past its table of values.
    ['an index past the table', { ...good, columns: { ...good.columns, stage: `${good.columns.stage.slice(0, -1)}z` } }],
    // A column pointing below its table (a character before "0"), and a column whose table is empty.
    ['an index below the table', { ...good, columns: { ...good.columns, list: `/${good.columns.list.slice(1)}` } }],
    ['an empty table of values', { ...good, values: { ...good.values, capacity: [] } }],
    // An unknown precision.
    ['an unknown precision', { ...good, values: { ...good.values, precision: good.values.precision.map((p) => p || 'roughly') } }],
    // A front-coded id that claims more shared characters than the one before it has.
    ['a malformed id', { ...good, ids: ['0 a', '5 b', ...good.ids.slice(2)] }],
    // A title whose entry has no length before its text, or is not a string.
    ['a title without its shared length', { ...good, titles: [good.titles[0], 'x', ...good.titles.slice(2)] }],
    ['a title that is not a string', { ...good, titles: [good.titles[0], 7, ...good.titles.slice(2)] }],
    // An empty title (a project must have one), even one that is well front-coded.
    ['an empty title', { ...good, titles: [...good.titles.slice(0, -1), '0 '] }],
    // Names missing for a district.
    ['missing search names', { ...good, names: { ...good.names, district: {} } }],
  ])('refuse %s', (_, json) => {
    expect(decodeIndex(json)).toBeUndefined();
  });
});

describe('firstMatches, encodeFirst and decodeFirst', () => {
  const readBack = (json: unknown) => decodeFirst(JSON.parse(JSON.stringify(json)));

  test.each(CATEGORIES.map((c) => [c]))('category %s: the first matches in list order, the count of all, by category', (category) => {
    const all = filterProjects(items, stateOf('category', category));
    const first = readBack(encodeFirst(firstMatches(file, stateOf('category', category), 2)))!;
    expect(first.file.items.map(plain)).toEqual(all.slice(0, 2).map(plain));
    expect(first.total).toBe(all.length);
    expect(first.perCategory).toEqual(all.length ? { [category]: all.length } : {});
    expect(first.file.labels).toEqual(labels);
  });

  test('a filter across categories counts each of them', () => {
    const state = stateOf('located', 'yes');
    const all = filterProjects(items, state);
    const first = readBack(encodeFirst(firstMatches(file, state, 1)))!;
    const expected: Record<string, number> = {};
    for (const item of all) expected[item.category] = (expected[item.category] ?? 0) + 1;
    expect(Object.keys(expected).length).toBeGreaterThan(1);
    expect(first.perCategory).toEqual(expected);
    expect([first.file.items.length, first.total]).toEqual([1, all.length]);
  });

  const good = encodeFirst(firstMatches(file, stateOf('located', 'yes'), 2));
  const [category, n] = Object.entries(good.perCategory)[0]!;
  const social = items.filter((i) => i.category === 'social');
  test('the fixture has two social projects to list', () => expect(social.length).toBeGreaterThanOrEqual(2));
  test.each([
    // Not an index file at all.
    ['an index without counts', encodeIndex(file)],
    // Fewer matches in all than the file lists.
    ['a total below its items', { ...good, total: 1 }],
    // Counts that do not add up to the total, or name no category.
    ['counts that do not add up', { ...good, perCategory: { ...good.perCategory, [category]: n + 1 } }],
    ['an unknown category', { ...good, perCategory: { ...good.perCategory, sports: 1 }, total: good.total + 1 }],
    ['a count of none', { ...good, perCategory: { ...good.perCategory, industry: 0 } }],
    // A category with fewer matches than the file's own items of it (two social projects listed, one counted).
    ['a category short of its items', encodeFirst({ file: { ...file, items: social.slice(0, 2) }, total: 3, perCategory: { social: 1, industry: 2 } })],
  ])('refuse %s', (_, json) => {
    expect(readBack(json)).toBeUndefined();
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
