import { describe, expect, test } from 'vitest';
import { langRuns } from '../../src/lib/lang-runs.ts';

describe('langRuns', () => {
  test.each([
    // An English note quoting a Russian address: only the quote is marked, the quotes stay outside.
    [
      'A clinic at "мкр. Шугыла, 340а" at (43.2, 76.8)',
      'en',
      [{ text: 'A clinic at "' }, { text: 'мкр. Шугыла, 340а', lang: 'ru' }, { text: '" at (43.2, 76.8)' }],
    ],
    // A Kazakh name is marked as Kazakh.
    ['city («Алматы Қала Жарығы»)', 'en', [{ text: 'city («' }, { text: 'Алматы Қала Жарығы', lang: 'kk' }, { text: '»)' }]],
    // A Russian outlet's name with a Latin word in it.
    ['Новости Mail', 'en', [{ text: 'Новости', lang: 'ru' }, { text: ' Mail' }]],
    // A Cyrillic URL: the words of its path, with their hyphens and underscores.
    [
      'https://example.org/Административно-территориальное_деление_Алма-Аты',
      'en',
      [{ text: 'https://example.org/' }, { text: 'Административно-территориальное_деление_Алма-Аты', lang: 'ru' }],
    ],
    // Russian or Kazakh text is covered by its own lang: one run, unmarked.
    ['Новая школа №220', 'ru', [{ text: 'Новая школа №220' }]],
    ['Жаңа мектеп', 'kk', [{ text: 'Жаңа мектеп' }]],
    // English without Cyrillic, and empty text.
    ['Source', 'en', [{ text: 'Source' }]],
    ['', 'en', [{ text: '' }]],
  ])('%s (%s)', (text, lang, expected) => {
    expect(langRuns(text, lang)).toEqual(expected);
  });
});
