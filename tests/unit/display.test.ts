import { describe, expect, test } from 'vitest';
import { localised, quoted, readableUrl, projectTitle, translationMode } from '../../src/lib/display.ts';

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

describe('quoted', () => {
  const ruSource = { ru: 'почти завершено', kk: 'аяқталуға жақын', en: 'nearly finished', translated: ['kk', 'en'] as const };
  const kkSource = { ru: 'завершено', kk: 'аяқталды', en: 'completed', translated: ['ru', 'en'] as const };
  test.each([
    // A Russian source on the Russian page: its words, nothing beside them.
    ['ru source, ru page', ruSource, 'ru', 'ru', { original: { text: 'почти завершено', lang: 'ru' }, translation: undefined }],
    // On the English page: the Russian words, then our English translation.
    ['ru source, en page', ruSource, 'en', 'ru', { original: { text: 'почти завершено', lang: 'ru' }, translation: { text: 'nearly finished', lang: 'en', ours: true } }],
    // A Kazakh source on the Russian page: the Kazakh words, then our Russian translation.
    ['kk source, ru page', kkSource, 'ru', 'kk', { original: { text: 'аяқталды', lang: 'kk' }, translation: { text: 'завершено', lang: 'ru', ours: true } }],
    // The source's language unknown: the first language not marked as ours is the original.
    ['unknown source, kk page', kkSource, 'kk', undefined, { original: { text: 'аяқталды', lang: 'kk' }, translation: undefined }],
    // Every language ours (a summary of a page that could not be read): no quote, the page language only.
    ['all ours', { ru: 'сводка', en: 'summary', translated: ['ru', 'en'] as const }, 'en', 'ru', { original: undefined, translation: { text: 'summary', lang: 'en', ours: true } }],
    // A Spanish source, every text ours: no quote, the page language only.
    ['es source, all ours', { ru: 'начал работу', en: 'started work', translated: ['ru', 'en'] as const }, 'en', 'es', { original: undefined, translation: { text: 'started work', lang: 'en', ours: true } }],
    // No text in the page language: the original alone, no "translation" in the same language.
    ['no kk text', { ru: 'открыт' }, 'kk', 'ru', { original: { text: 'открыт', lang: 'ru' }, translation: undefined }],
  ] as const)('%s', (_name, value, page, source, expected) => {
    expect(quoted(value, page, source)).toEqual(expected);
  });
});

describe('translationMode', () => {
  const ours = { text: 'a', lang: undefined, ours: true };
  const theirs = { text: 'b', lang: undefined, ours: false };
  const fallback = { text: 'в', lang: 'ru' as const, ours: true };
  test.each([
    // Every text in the page language is ours: the page says so once.
    ['all', [ours, ours, undefined], 'all'],
    // Some are: the page marks them one by one.
    ['some', [ours, theirs], 'some'],
    // None, or only texts shown in another language (they carry their own lang): nothing to say.
    ['none', [theirs, undefined], undefined],
    ['fallback only', [fallback, theirs], undefined],
  ] as const)('%s', (_name, shown, expected) => {
    expect(translationMode(shown)).toBe(expected);
  });
});
