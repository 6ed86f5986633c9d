import { describe, expect, test } from 'vitest';
import { foreignPassagesIn, languagesWithoutSource, pickText, unmarkedTranslations } from '../../src/lib/local-text.ts';

describe('pickText', () => {
  test.each([
    // The page language when the text has it, with whether it is our translation.
    [{ ru: 'Школа', kk: 'Мектеп', en: 'School', translated: ['kk', 'en'] }, 'kk', { text: 'Мектеп', lang: 'kk', ours: true, fallback: false }],
    [{ ru: 'Школа', kk: 'Мектеп', en: 'School', translated: ['en'] }, 'kk', { text: 'Мектеп', lang: 'kk', ours: false, fallback: false }],
    [{ ru: 'Школа', kk: 'Мектеп', en: 'School', translated: ['ru', 'en'] }, 'ru', { text: 'Школа', lang: 'ru', ours: true, fallback: false }],
    [{ ru: 'Школа', en: 'School' }, 'en', { text: 'School', lang: 'en', ours: false, fallback: false }],
    // A missing language falls back to Russian, marked as a fallback so the page sets lang="ru".
    [{ ru: 'Школа', en: 'School', translated: ['en'] }, 'kk', { text: 'Школа', lang: 'ru', ours: false, fallback: true }],
    [{ ru: 'Школа' }, 'en', { text: 'Школа', lang: 'ru', ours: false, fallback: true }],
    // Without Russian (a project description keeps its Russian in the Markdown body), the other language.
    [{ kk: 'Мектеп', en: 'School', translated: ['kk', 'en'] }, 'ru', { text: 'School', lang: 'en', ours: true, fallback: true }],
    [{ kk: 'Мектеп' }, 'en', { text: 'Мектеп', lang: 'kk', ours: false, fallback: true }],
    // An empty string counts as missing.
    [{ ru: 'Школа', kk: '' }, 'kk', { text: 'Школа', lang: 'ru', ours: false, fallback: true }],
  ] as const)('%j in %s', (value, lang, expected) => {
    expect(pickText(value, lang)).toEqual(expected);
  });

  test.each([undefined, {}, { translated: ['kk'] as const }])('no text at all: %j', (value) => {
    expect(pickText(value, 'kk')).toBeUndefined();
  });
});

describe('languagesWithoutSource', () => {
  test.each([
    [['ru'], ['kk', 'en']],
    [['kk', 'kk'], ['ru', 'en']],
    [['ru', 'kk'], ['en']],
    [['ru', 'kk', 'en'], []],
    // A source whose language is unknown proves no language.
    [[undefined], ['ru', 'kk', 'en']],
    [['ru', undefined], ['kk', 'en']],
    // A source in another language (Spanish) proves none of the site's.
    [['es'], ['ru', 'kk', 'en']],
    [['es', 'ru'], ['kk', 'en']],
  ] as const)('%j → %j', (languages, expected) => {
    expect(languagesWithoutSource(languages)).toEqual(expected);
  });
});

describe('unmarkedTranslations', () => {
  const record = {
    title: { ru: 'Школа', kk: 'Мектеп', en: 'School', translated: ['en'] },
    description: { kk: 'Мектеп.', en: 'A school.', translated: ['kk', 'en'] },
    capacity: { ru: '100 мест' },
    facts: [{ ru: 'Факт', en: 'Fact' }, { ru: 'Другой', en: 'Other', translated: ['en'] }],
    location: { lat: 43.2, refersTo: { ru: 'Точка', en: 'Point' }, source: 'карта' },
    status: { stage: 'opened', wording: { ru: 'открыта', en: 'opened' } },
    sources: [{ url: 'https://example.org', language: 'ru', note: { ru: 'Заметка', kk: 'Ескерту' } }],
    opened: new Date('2025-10-24'),
  };

  test.each([
    // Nothing is ours when the sources are in every language.
    [[], [], []],
    // English is ours: every text with English must list it; the ones that do are fine.
    [['en'], [], [{ path: ['facts', 0], missing: ['en'] }, { path: ['location', 'refersTo'], missing: ['en'] }, { path: ['status', 'wording'], missing: ['en'] }]],
    // Keys in `skip` are not searched at the top level.
    [['en'], ['status'], [{ path: ['facts', 0], missing: ['en'] }, { path: ['location', 'refersTo'], missing: ['en'] }]],
    // Kazakh is ours: the title lacks the mark, and so does a source's note; texts without Kazakh are fine.
    [['kk'], ['status'], [{ path: ['title'], missing: ['kk'] }, { path: ['sources', 0, 'note'], missing: ['kk'] }]],
    // Russian is ours (all sources Kazakh): every Russian text must say so.
    [['ru'], ['status'], [
      { path: ['title'], missing: ['ru'] },
      { path: ['capacity'], missing: ['ru'] },
      { path: ['facts', 0], missing: ['ru'] },
      { path: ['facts', 1], missing: ['ru'] },
      { path: ['location', 'refersTo'], missing: ['ru'] },
      { path: ['sources', 0, 'note'], missing: ['ru'] },
    ]],
  ] as const)('ours %j, skip %j', (ours, skip, expected) => {
    expect(unmarkedTranslations(record, ours, skip)).toEqual(expected);
  });
});

describe('foreign passages', () => {
  const es = { lang: 'es', text: 'ha comenzado' };
  test('foreignPassagesIn finds every passage at any depth, each once', () => {
    const record = {
      title: { ru: 'Завод' },
      status: [{ note: { ru: `«${es.text}»`, en: `“${es.text}”`, translated: ['en'], foreign: [es] } }, { note: { ru: `и снова «${es.text}»`, foreign: [es] } }],
      facts: [{ ru: 'Факт', kk: 'Дерек', foreign: [{ lang: 'de', text: 'Fakt' }] }],
    };
    expect(foreignPassagesIn(record)).toEqual([es, { lang: 'de', text: 'Fakt' }]);
    expect(foreignPassagesIn({ title: { ru: 'Без' } })).toEqual([]);
  });

  test('a text with passages is still a text to the translation check', () => {
    const record = { note: { ru: `«${es.text}»`, en: `“${es.text}”`, foreign: [es] } };
    expect(unmarkedTranslations(record, ['en'])).toEqual([{ path: ['note'], missing: ['en'] }]);
  });
});
