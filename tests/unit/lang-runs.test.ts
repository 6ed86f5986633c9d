import { describe, expect, test } from 'vitest';
import { langMarkup, langRuns } from '../../src/lib/lang-runs.ts';

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

describe('langRuns with passages the content names as foreign', () => {
  const es = { lang: 'es', text: 'ha comenzado a operar la planta' };
  test.each([
    // A Spanish quotation in a Russian note: marked, the rest of the note covered by the page's lang.
    ['Источник: «ha comenzado a operar la planta». Конец.', 'ru', [es], [{ text: 'Источник: «' }, { text: es.text, lang: 'es' }, { text: '». Конец.' }]],
    // In an English note: the quotation as Spanish, a Russian name still as Russian.
    [
      'In Spanish: “ha comenzado a operar la planta”, per Мотор',
      'en',
      [es],
      [{ text: 'In Spanish: “' }, { text: es.text, lang: 'es' }, { text: '”, per ' }, { text: 'Мотор', lang: 'ru' }],
    ],
    // Twice, and at both ends.
    [`${es.text} и ${es.text}`, 'ru', [es], [{ text: es.text, lang: 'es' }, { text: ' и ' }, { text: es.text, lang: 'es' }]],
    // The longer of two passages that start at the same place.
    ['x ha comenzado a operar la planta y', 'ru', [{ lang: 'es', text: 'ha comenzado' }, es], [{ text: 'x ' }, { text: es.text, lang: 'es' }, { text: ' y' }]],
    // A passage not in the text, or in the text's own language, changes nothing.
    ['Просто текст', 'ru', [es], [{ text: 'Просто текст' }]],
    ['the plant has started', 'en', [{ lang: 'en', text: 'the plant' }], [{ text: 'the plant has started' }]],
  ])('%s (%s)', (text, lang, foreign, expected) => {
    expect(langRuns(text, lang, foreign)).toEqual(expected);
  });
});

describe('langMarkup', () => {
  test('writes each marked run in a span with its lang, and escapes every run', () => {
    expect(langMarkup('At <b>"ул. Абая" & co</b>', 'en')).toBe('At &lt;b&gt;&quot;<span lang="ru">ул. Абая</span>&quot; &amp; co&lt;/b&gt;');
  });

  test('text in Russian or Kazakh stays unmarked, and is escaped all the same', () => {
    expect(langMarkup('Школа <№220> & сад', 'ru')).toBe('Школа &lt;№220&gt; &amp; сад');
  });

  test('a passage the content names as foreign gets its lang', () => {
    expect(langMarkup('Источник: «obras <terminadas>»', 'ru', [{ lang: 'es', text: 'obras <terminadas>' }])).toBe(
      'Источник: «<span lang="es">obras &lt;terminadas&gt;</span>»',
    );
  });
});
