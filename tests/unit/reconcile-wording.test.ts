import { describe, expect, test } from 'vitest';
import { dictionaries } from '../../src/i18n/index.ts';
import { categoryNote, categorySentence, compareToAnnounced } from '../../src/lib/reconcile.ts';
import { formatNumber, plural } from '../../src/lib/format.ts';
import { LOCALES } from '../../src/lib/vocabulary.ts';
import { impossibleParts } from '../fixtures/progress-wording.ts';

// Rows of (itemised, confirmed, announced): fewer, as many and more candidates than announced, and none announced.
const ROWS = [
  { itemised: 9, confirmed: 1, announced: 20 },
  { itemised: 4, confirmed: 0, announced: 4 },
  { itemised: 11, confirmed: 0, announced: 4 },
  { itemised: 13, confirmed: 2, announced: 4 },
  { itemised: 3, confirmed: 3, announced: undefined },
];

describe('compareToAnnounced', () => {
  test.each([
    // Fewer candidates than announced, or as many: the usual wording.
    [9, 20, 'within'],
    [4, 4, 'within'],
    // More candidates than announced: words of its own.
    [11, 4, 'over'],
    // No announced figure at all.
    [3, undefined, 'noClaim'],
  ] as const)('%i itemised, %s announced: %s', (itemised, announced, expected) => {
    expect(compareToAnnounced(itemised, announced)).toBe(expected);
  });
});

describe.each(LOCALES)('%s: no sentence reads as "N found of M announced" with N > M', (lang) => {
  const dict = dictionaries[lang];
  const number = (n: number) => formatNumber(lang, n);
  const count = (n: number) => plural(lang, n, dict.common.projects);

  test.each(ROWS)('reconciliation sentence for %o', (row) => {
    const text = categorySentence(dict.reconcile.sentence, row, {
      category: dict.labels.category.utilities,
      itemised: number(row.itemised),
      announced: row.announced === undefined ? dict.reconcile.noClaim : number(row.announced),
      confirmed: number(row.confirmed),
    });
    expect(text).toContain(number(row.itemised));
    expect(impossibleParts(text)).toEqual([]);
  });

  test.each(ROWS)('category note above the index for %o', (row) => {
    const text = categoryNote(dict.index, row, dict.labels.category.utilities, count, number);
    expect(text).toContain(count(row.itemised));
    if (row.announced !== undefined) expect(text).toContain(count(row.announced));
    expect(impossibleParts(text)).toEqual([]);
  });

  test('more candidates than announced has its own wording, in the table sentence and the note', () => {
    expect(dict.reconcile.sentence.over).not.toBe(dict.reconcile.sentence.within);
    expect(dict.index.categoryNote.over).not.toBe(dict.index.categoryNote.within);
  });
});

describe('impossibleParts', () => {
  test.each([
    // The wording issue 13 reported, in each language, is caught.
    ['Коммунальные сети: найдено 11 из 4 объявленных', 1],
    ['Utilities: 11 found of 4 announced', 1],
    ['Коммуналдық: жарияланған 4 жобаның 11 табылды', 1],
    // A part no larger than its whole is fine.
    ['Показано: 5 проектов из 46', 0],
    ['3 of 55 projects have coordinates', 0],
  ] as const)('%s', (text, n) => {
    expect(impossibleParts(text)).toHaveLength(n);
  });
});
