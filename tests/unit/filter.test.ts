import { describe, expect, test } from 'vitest';
import {
  activeCount,
  emptyState,
  filterProjects,
  fromDataset,
  isEmptyState,
  normaliseSearch,
  parseState,
  searchText,
  serialiseState,
  singleValue,
  stateOf,
  toAttributes,
  type FilterState,
} from '../../src/lib/filter.ts';
import { records } from '../fixtures/filter.ts';

/** A state with only the given parts set. */
const state = (parts: Partial<FilterState>): FilterState => ({ ...emptyState(), ...parts });
/** Ids of the fixture records that match a query string. */
const ids = (query: string) => filterProjects(records, parseState(query)).map((r) => r.id);

describe('normaliseSearch', () => {
  test.each([
    // Case is ignored.
    ['ШКОЛА', 'школа'],
    // ё and е are the same letter for search.
    ['Ёлкин', 'елкин'],
    // Each Kazakh letter folds to its Russian look-alike (ә ғ қ ң ө ұ ү һ і).
    ['әғқңөұүһі', 'агкноуухи'],
    // Capital Kazakh letters fold too.
    ['ӘҒҚҢӨҰҮҺІ', 'агкноуухи'],
    // A Kazakh spelling of a name meets its Russian spelling.
    ['Қанат', 'канат'],
    // Punctuation becomes a space and runs of spaces collapse, so "№220" and "№ 220" meet.
    ['  школа,  №220 «Мир» ', 'школа 220 мир'],
    // A decomposed ё (е + combining diaeresis) is composed first, then folded.
    ['е\u0308лка', 'елка'],
    // Latin text is kept as it is, lower-cased.
    ['Medeu District', 'medeu district'],
    // Only punctuation normalises to nothing.
    [' ,.-« ', ''],
  ])('%j → %j', (input, expected) => {
    expect(normaliseSearch(input)).toBe(expected);
  });
});

describe('searchText', () => {
  test.each([
    // Words are normalised and repeated words dropped, keeping the first occurrence's order.
    [['Сквер', 'сквер', 'Square'], 'сквер square'],
    // Missing parts are skipped.
    [['Двор', undefined, 'ул. Гоголя, 77'], 'двор ул гоголя 77'],
    // Kazakh letters in the haystack are folded like the query.
    [['Әуезов ауданы'], 'ауезов ауданы'],
  ] as const)('%j → %j', (parts, expected) => {
    expect(searchText(parts)).toBe(expected);
  });
});

describe('parseState', () => {
  test.each([
    // Nothing in the URL: nothing filtered.
    ['', emptyState()],
    // Comma-separated values, as in a shared link.
    ['?district=medeu,almaly&category=social', state({ district: ['almaly', 'medeu'], category: ['social'] })],
    // Repeated parameters, as a plain HTML form sends them, are the same as commas.
    ['?district=medeu&district=almaly', state({ district: ['almaly', 'medeu'] })],
    // "none" stands for "district not stated in sources".
    ['?district=none', state({ district: ['none'] })],
    // Unknown values are dropped and known ones kept.
    ['?category=social,sport&kind=castle', state({ category: ['social'] })],
    // Unknown parameters are ignored.
    ['?utm_source=telegram&page=2', emptyState()],
    // Values are matched regardless of case and stray spaces, and duplicates collapse.
    ['?status=Opened,%20opened,COMPLETED', state({ status: ['opened', 'completed'] })],
    // Every filter at once.
    [
      '?category=infrastructure&kind=yard&district=auezov&status=completed&funding=participation-budget&list=not-confirmed&located=no&q=двор',
      state({
        category: ['infrastructure'],
        kind: ['yard'],
        district: ['auezov'],
        status: ['completed'],
        funding: ['participation-budget'],
        list: ['not-confirmed'],
        located: ['no'],
        q: 'двор',
      }),
    ],
    // The search is decoded and trimmed; "+" is a space as in form submissions.
    ['?q=%D1%88%D0%BA%D0%BE%D0%BB%D0%B0+220%20', state({ q: 'школа 220' })],
    // located accepts only yes and no.
    ['?located=maybe,yes', state({ located: ['yes'] })],
    // An empty parameter is no filter.
    ['?category=&q=', emptyState()],
  ])('%s', (query, expected) => {
    expect(parseState(query)).toEqual(expected);
  });

  test('accepts URLSearchParams as well as a string', () => {
    expect(parseState(new URLSearchParams('category=social'))).toEqual(state({ category: ['social'] }));
  });
});

describe('serialiseState', () => {
  test.each([
    // Nothing filtered: no query string at all, so the plain index URL is the canonical one.
    [emptyState(), ''],
    // Literal commas, values in vocabulary order whatever the order of selection.
    [state({ district: ['medeu', 'almaly'] }), '?district=almaly,medeu'],
    // Parameters in a fixed order, so one view has one URL.
    [state({ q: 'школа', district: ['medeu'], category: ['social'] }), '?category=social&district=medeu&q=%D1%88%D0%BA%D0%BE%D0%BB%D0%B0'],
    // A search of only spaces is no search.
    [state({ q: '   ' }), ''],
    // Values that are not in the vocabulary never reach the URL.
    [state({ category: ['social', 'sport' as never] }), '?category=social'],
    // "&" and "=" inside the search are escaped.
    [state({ q: 'a&b=c' }), '?q=a%26b%3Dc'],
  ])('%j → %s', (s, expected) => {
    expect(serialiseState(s)).toBe(expected);
  });

  test.each([
    '?category=social',
    '?district=almaly,medeu,none&status=opened',
    '?kind=school,yard&funding=private&list=confirmed&located=yes&q=%D2%9B%D0%B0%D0%BD%D0%B0%D1%82',
  ])('round-trips %s', (query) => {
    expect(serialiseState(parseState(query))).toBe(query);
  });
});

describe('filterProjects', () => {
  test.each([
    // No filter keeps everything, in the original order.
    ['', ['fx-school-medeu', 'fx-yard-auezov', 'fx-square-nowhere', 'fx-plant-turksib', 'fx-school-turksib']],
    // One category.
    ['?category=social', ['fx-school-medeu', 'fx-school-turksib']],
    // Two values of one filter are alternatives (OR).
    ['?category=social,industry', ['fx-school-medeu', 'fx-plant-turksib', 'fx-school-turksib']],
    // Two different filters must both hold (AND).
    ['?category=social&district=turksib', ['fx-school-turksib']],
    // "none" finds the projects whose district no source states.
    ['?district=none', ['fx-square-nowhere']],
    // "none" combines with named districts.
    ['?district=none,medeu', ['fx-school-medeu', 'fx-square-nowhere']],
    // Kind.
    ['?kind=school', ['fx-school-medeu', 'fx-school-turksib']],
    // Status stage.
    ['?status=opened,completed', ['fx-school-medeu', 'fx-yard-auezov']],
    // Funding: a project with several sources matches any of them.
    ['?funding=charity', ['fx-plant-turksib']],
    // Funding: a project without stated funding matches no funding value.
    ['?funding=public-budget,private,participation-budget', ['fx-school-medeu', 'fx-yard-auezov', 'fx-plant-turksib']],
    // List membership.
    ['?list=confirmed', ['fx-school-medeu']],
    // Has a stated location.
    ['?located=yes', ['fx-school-medeu', 'fx-plant-turksib']],
    // Has no stated location.
    ['?located=no', ['fx-yard-auezov', 'fx-square-nowhere', 'fx-school-turksib']],
    // Both location values are everything.
    ['?located=yes,no', ['fx-school-medeu', 'fx-yard-auezov', 'fx-square-nowhere', 'fx-plant-turksib', 'fx-school-turksib']],
    // A search over titles, in any case.
    ['?q=ШКОЛ', ['fx-school-medeu', 'fx-school-turksib']],
    // A search over addresses.
    ['?q=Каргалы', ['fx-yard-auezov']],
    // A search by the Russian name of a district.
    ['?q=медеуский', ['fx-school-medeu']],
    // A search by the English name of a district.
    ['?q=turksib', ['fx-plant-turksib', 'fx-school-turksib']],
    // A Kazakh district name with Kazakh letters finds its projects.
    ['?q=Түрксіб', ['fx-plant-turksib', 'fx-school-turksib']],
    // A search by kind in another language.
    ['?q=yard', ['fx-yard-auezov']],
    // A search by the Kazakh kind name (typed with Kazakh letters).
    ['?q=мектеп', ['fx-school-medeu', 'fx-school-turksib']],
    // Kazakh letters in the query find a Russian-only title: "Қанат" finds «Канат».
    ['?q=Қанат', ['fx-plant-turksib']],
    // Kazakh letters find a Russian-only title: "Ақсай" finds "Аксай".
    ['?q=Ақсай', ['fx-square-nowhere']],
    // ё in the title is found by е in the query.
    ['?q=елкина', ['fx-school-medeu']],
    // е in the title is found by ё in the query.
    ['?q=тёстовая имени', ['fx-school-medeu']],
    // Every word must occur, in any order.
    ['?q=школе пристройка', ['fx-school-turksib']],
    // A word that occurs nowhere empties the result even when others match.
    ['?q=школа марс', []],
    // Search and filters combine.
    ['?q=школ&district=medeu', ['fx-school-medeu']],
    // A number in a title matches with or without the "№".
    ['?q=№1', ['fx-school-medeu']],
    // A filter that nothing matches gives nothing.
    ['?category=utilities', []],
    // An unknown value is ignored rather than emptying the list.
    ['?category=sport', ['fx-school-medeu', 'fx-yard-auezov', 'fx-square-nowhere', 'fx-plant-turksib', 'fx-school-turksib']],
  ])('%s', (query, expected) => {
    expect(ids(query)).toEqual(expected);
  });

  test('does not change the items it is given', () => {
    const before = JSON.stringify(records);
    filterProjects(records, parseState('?category=social&q=школа'));
    expect(JSON.stringify(records)).toBe(before);
  });
});

describe('isEmptyState and activeCount', () => {
  test.each([
    // Nothing selected.
    [emptyState(), true, 0],
    // A search of only punctuation is no search.
    [state({ q: ' … ' }), true, 0],
    // Each selected value counts.
    [state({ district: ['medeu', 'none'], category: ['social'] }), false, 3],
    // A search counts once.
    [state({ q: 'школа 220' }), false, 1],
  ])('%j → empty %s, %i active', (s, empty, count) => {
    expect(isEmptyState(s)).toBe(empty);
    expect(activeCount(s)).toBe(count);
  });
});

describe('singleValue and stateOf', () => {
  test.each([
    // One box ticked: the usual first filter.
    [state({ category: ['social'] }), { key: 'category', value: 'social' }],
    [state({ district: ['none'] }), { key: 'district', value: 'none' }],
    // A search of only punctuation is no search.
    [state({ located: ['yes'], q: ' … ' }), { key: 'located', value: 'yes' }],
    // Nothing, two values of one filter, one value each of two, or a value with a search: not one value.
    [emptyState(), undefined],
    [state({ category: ['social', 'industry'] }), undefined],
    [state({ category: ['social'], district: ['medeu'] }), undefined],
    [state({ category: ['social'], q: 'школа' }), undefined],
  ])('%j → %j', (s, expected) => {
    expect(singleValue(s)).toEqual(expected);
  });

  test('stateOf selects the one value, and singleValue reads it back', () => {
    expect(stateOf('kind', 'park')).toEqual(state({ kind: ['park'] }));
    expect(singleValue(stateOf('kind', 'park'))).toEqual({ key: 'kind', value: 'park' });
    expect(ids(serialiseState(stateOf('category', 'social')))).toEqual(ids('?category=social'));
  });
});

describe('toAttributes and fromDataset', () => {
  /** Turns data-* attribute names into dataset keys, as the browser does. */
  const dataset = (attrs: Record<string, string>) =>
    Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k.replace(/^data-/, ''), v]));

  test.each(records.map((r) => [r.id, r] as const))('%s survives the trip through data-* attributes', (_, r) => {
    expect(fromDataset(dataset({ ...toAttributes(r) }))).toEqual(r);
  });

  test.each([
    // A missing category.
    [{ category: undefined }],
    // A category not in the vocabulary.
    [{ category: 'sport' }],
    // An unknown district.
    [{ district: 'moon' }],
    // An unknown funding source among known ones.
    [{ funding: 'private,gold' }],
    // No search text at all (an empty one is allowed).
    [{ search: undefined }],
    // located must be yes or no.
    [{ located: 'true' }],
    // An empty id.
    [{ id: '' }],
  ])('rejects %j so the page keeps its server-rendered list', (change) => {
    const good = dataset({ ...toAttributes(records[0]!) });
    expect(fromDataset({ ...good, ...change })).toBeUndefined();
  });
});
