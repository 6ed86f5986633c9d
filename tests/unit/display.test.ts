import { describe, expect, test } from 'vitest';
import { localised, readableUrl, projectTitle } from '../../src/lib/display.ts';

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
    // The page language's title; lang is undefined because it matches the page; ours from `translated`.
    [{ ru: 'Школа', kk: 'Мектеп', en: 'School', translated: ['en'] }, 'kk', { text: 'Мектеп', lang: undefined, ours: false }],
    [{ ru: 'Школа', kk: 'Мектеп', en: 'School', translated: ['en'] }, 'en', { text: 'School', lang: undefined, ours: true }],
    [{ ru: 'Школа', kk: 'Мектеп', en: 'School' }, 'ru', { text: 'Школа', lang: undefined, ours: false }],
    // A title without the page language (older data) falls back to Russian, marked as Russian.
    [{ ru: 'Школа' }, 'kk', { text: 'Школа', lang: 'ru', ours: false }],
  ] as const)('%j in %s', (title, lang, expected) => {
    expect(projectTitle(title, lang)).toEqual(expected);
  });
});

describe('localised', () => {
  test.each([
    [{ ru: '100 мест', en: '100 places', translated: ['en'] }, 'en', { text: '100 places', lang: undefined, ours: true }],
    [{ ru: '100 мест', en: '100 places' }, 'kk', { text: '100 мест', lang: 'ru', ours: false }],
    [undefined, 'kk', undefined],
  ] as const)('%j in %s', (value, lang, expected) => {
    expect(localised(value, lang)).toEqual(expected);
  });
});
