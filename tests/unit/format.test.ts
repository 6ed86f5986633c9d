import { describe, expect, test, vi } from 'vitest';
import { dictionaries } from '../../src/i18n/index.ts';
import { fill, formatDate, formatList, formatNumber, plural, pluralCategories, pluralForm, pluralWord } from '../../src/lib/format.ts';
import { NUMBER_SAMPLE, numberFormatter } from '../../src/lib/number-format.ts';
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

describe('numberFormatter (the browser writes counts as the build does)', () => {
  test.each(['ru', 'kk', 'en'] as const)('%s: matches the build', (lang) => {
    const format = numberFormatter(LOCALE_TAGS[lang], formatNumber(lang, NUMBER_SAMPLE));
    for (const n of [0, 7, 999, 2366, 10000, 1234567]) expect(format(n)).toBe(formatNumber(lang, n));
  });

  test('a browser whose data differ from the build (Kazakh in Debian Chromium writes "2,366") groups with the build\'s separator', () => {
    // Node's English data stand in for a browser without Kazakh data; the sample is the build's Kazakh one.
    const format = numberFormatter('en', '12\u00a0345');
    expect([0, 999, 2366, 10000, 1234567].map(format)).toEqual(['0', '999', '2\u00a0366', '10\u00a0000', '1\u00a0234\u00a0567']);
  });

  test('without a sample, the browser\'s own Intl', () => {
    expect(numberFormatter('en')(2366)).toBe('2,366');
  });

  test('whole numbers never make an Intl.NumberFormat (its first one cost the index page 50-65 ms); other numbers make one, once', () => {
    const made = vi.spyOn(Intl, 'NumberFormat');
    try {
      const format = numberFormatter('en', '12,345');
      expect([0, 55, 2366, 1234567].map(format)).toEqual(['0', '55', '2,366', '1,234,567']);
      expect(made).not.toHaveBeenCalled();
      expect([2.5, -3, 1.25].map(format)).toEqual(['2.5', '-3', '1.25']);
      expect(made).toHaveBeenCalledTimes(1);
    } finally {
      made.mockRestore();
    }
  });

  test.each([
    // Digits other than 0-9, or other grouping: the sample cannot be read, so Intl writes every number.
    ['١٢٬٣٤٥'],
    ['1,2345'],
    [''],
  ])('a sample written otherwise (%j) leaves the numbers to Intl', (sample) => {
    expect(numberFormatter('en', sample)(2366)).toBe('2,366');
  });
});
