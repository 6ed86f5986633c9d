import { describe, expect, test } from 'vitest';
import { dictionaries } from '../../src/i18n/index.ts';
import { plural } from '../../src/lib/format.ts';
import { CATEGORIES, FUNDING_SOURCES, KINDS, LIST_MEMBERSHIP, LOCALES, PRECISIONS, STATUS_STAGES } from '../../src/lib/vocabulary.ts';

/** Every leaf key of a nested dictionary, as dotted paths. */
function keys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('dictionaries', () => {
  const reference = keys(dictionaries.ru).sort();

  test.each(LOCALES.filter((l) => l !== 'ru'))('%s has exactly the keys of the Russian dictionary', (lang) => {
    expect(keys(dictionaries[lang]).sort()).toEqual(reference);
  });

  test.each(LOCALES)('%s has no empty strings', (lang) => {
    const empty = keys(dictionaries[lang]).filter((k) => {
      const v = k.split('.').reduce<unknown>((o, part) => (o as Record<string, unknown>)[part], dictionaries[lang]);
      return typeof v === 'string' && v.trim() === '';
    });
    expect(empty).toEqual([]);
  });

  test.each([
    ['category', CATEGORIES],
    ['kind', KINDS],
    ['stage', STATUS_STAGES],
    ['funding', FUNDING_SOURCES],
    ['membership', LIST_MEMBERSHIP],
    ['membershipShort', LIST_MEMBERSHIP],
    ['precision', PRECISIONS],
  ] as const)('labels every value of the %s vocabulary in every language', (group, values) => {
    for (const lang of LOCALES) {
      expect(Object.keys(dictionaries[lang].labels[group]).sort()).toEqual([...values].sort());
    }
  });
});

describe('counted projects after a preposition', () => {
  // «для», «из», «у» take the genitive in Russian; the numeral decides singular or plural.
  test.each([
    [1, 'для 1 проекта'],
    [2, 'для 2 проектов'],
    [5, 'для 5 проектов'],
    [21, 'для 21 проекта'],
    [52, 'для 52 проектов'],
  ])('%i: %s', (n, expected) => {
    expect(`для ${plural('ru', n, dictionaries.ru.common.projectsOf)}`).toBe(expected);
  });
  test('Kazakh and English keep their one form after a number', () => {
    expect(dictionaries.kk.common.projectsOf).toEqual(dictionaries.kk.common.projects);
    expect(dictionaries.en.common.projectsOf).toEqual(dictionaries.en.common.projects);
  });
});
