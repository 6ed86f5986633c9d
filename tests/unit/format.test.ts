import { describe, expect, test } from 'vitest';
import { dictionaries } from '../../src/i18n/index.ts';
import { fill, formatDate, formatList, formatNumber, plural, pluralCategories, pluralForm, pluralWord } from '../../src/lib/format.ts';
import { LOCALE_TAGS, LOCALES } from '../../src/lib/vocabulary.ts';

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

describe('formatDate and formatList', () => {
  test.each([
    // Almaty dates in each language; the Russian one ends in "г.".
    ['ru', '23 октября 2025 г.'],
    ['en', '23 October 2025'],
  ] as const)('%s', (lang, expected) => {
    expect(formatDate(lang, new Date('2025-10-23T00:00:00Z'))).toBe(expected);
  });

  test('joins a list as the language does', () => {
    expect(formatList('ru', ['Медеуский', 'Алмалинский', 'Турксибский'])).toBe('Медеуский, Алмалинский и Турксибский');
    expect(formatList('en', ['Medeu', 'Almaly'])).toBe('Medeu and Almaly');
  });
});

describe('fill', () => {
  test('fills named placeholders and leaves unknown ones visible', () => {
    expect(fill('{a} из {b} ({c})', { a: 9, b: 20 })).toBe('9 из 20 ({c})');
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
