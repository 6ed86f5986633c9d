import { describe, expect, test } from 'vitest';
import { dictionaries } from '../../src/i18n/index.ts';
import { fill, formatNumber, plural, pluralCategories, pluralForm, pluralWord } from '../../src/lib/format.ts';
import { pick } from '../../src/lib/display.ts';
import { CATEGORIES, FUNDING_SOURCES, KINDS, LIST_MEMBERSHIP, LOCALE_TAGS, LOCALES, PRECISIONS, STATUS_STAGES } from '../../src/lib/vocabulary.ts';

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
    ['precision', PRECISIONS],
  ] as const)('labels every value of the %s vocabulary in every language', (group, values) => {
    for (const lang of LOCALES) {
      expect(Object.keys(dictionaries[lang].labels[group]).sort()).toEqual([...values].sort());
    }
  });
});

describe('plural', () => {
  test.each([
    // Russian has three forms: 1 проект, 2–4 проекта, 5+ проектов (and 21 проект, 11 проектов).
    ['ru', 1, '1 проект'],
    ['ru', 3, '3 проекта'],
    ['ru', 5, '5 проектов'],
    ['ru', 11, '11 проектов'],
    ['ru', 21, '21 проект'],
    ['en', 1, '1 project'],
    ['en', 46, '46 projects'],
    ['kk', 46, '46 жоба'],
  ] as const)('%s %i → %s', (lang, n, expected) => {
    expect(plural(lang, n, dictionaries[lang].common.projects)).toBe(expected);
  });
});

describe('fill and pick', () => {
  test('fills named placeholders and leaves unknown ones visible', () => {
    expect(fill('{a} из {b} ({c})', { a: 9, b: 20 })).toBe('9 из 20 ({c})');
  });
  test('falls back to Russian and says so', () => {
    expect(pick({ ru: 'школа' }, 'kk')).toEqual({ text: 'школа', lang: 'ru' });
    expect(pick({ ru: 'школа', en: 'school' }, 'en')).toEqual({ text: 'school', lang: 'en' });
  });
});

describe('pluralCategories', () => {
  // The browser picks a form by Intl plural category; it must pick what plural() picks at build time.
  test.each(LOCALES)('%s agrees with plural() for 0–125', (lang) => {
    const forms = dictionaries[lang].common.projects;
    const byCategory = pluralCategories(forms);
    const rules = new Intl.PluralRules(LOCALE_TAGS[lang]);
    for (let n = 0; n <= 125; n += 1) {
      expect(`${formatNumber(lang, n)} ${pluralForm(rules, byCategory, n)}`).toBe(plural(lang, n, forms));
      expect(pluralWord(lang, n, forms)).toBe(pluralForm(rules, byCategory, n));
    }
  });
});
