import { describe, expect, test } from 'vitest';
import { pick, readableUrl, projectTitle } from '../../src/lib/display.ts';

describe('readableUrl', () => {
  test.each([
    // Cyrillic Wikipedia titles are shown as words, not escapes
    ['https://ru.wikipedia.org/wiki/%D0%90%D0%BB%D0%BC%D0%B0%D1%82%D1%8B', 'https://ru.wikipedia.org/wiki/Алматы'],
    // a malformed escape is shown as it is rather than throwing
    ['https://example.org/%E0%A4%A', 'https://example.org/%E0%A4%A'],
  ])('%s → %s', (url, expected) => {
    expect(readableUrl(url)).toBe(expected);
  });
});

describe('projectTitle', () => {
  test.each([
    // Kazakh only where a source gives one; otherwise the Russian title marked as Russian
    [{ ru: 'Школа', kk: 'Мектеп' }, 'kk', { text: 'Мектеп', lang: undefined }],
    [{ ru: 'Школа' }, 'kk', { text: 'Школа', lang: 'ru' }],
    [{ ru: 'Школа', kk: 'Мектеп' }, 'en', { text: 'Школа', lang: 'ru' }],
    [{ ru: 'Школа', kk: 'Мектеп' }, 'ru', { text: 'Школа', lang: undefined }],
  ] as const)('%j in %s', (title, lang, expected) => {
    expect(projectTitle(title, lang)).toEqual(expected);
  });
});

describe('pick', () => {
  test('falls back to Russian and says so', () => {
    expect(pick({ ru: 'школа' }, 'kk')).toEqual({ text: 'школа', lang: 'ru' });
    expect(pick({ ru: 'школа', en: 'school' }, 'en')).toEqual({ text: 'school', lang: 'en' });
  });
});
