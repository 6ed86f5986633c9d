import { describe, expect, test } from 'vitest';
import { citationParts, citationText } from '../../src/lib/cite.ts';
import { dictionaries } from '../../src/i18n/index.ts';
import { LOCALES } from '../../src/lib/vocabulary.ts';

const values = { title: 'Тестовый сквер', site: 'Сайт', date: '5 ноября 2025 г.', url: 'https://example.org/projects/fx/' };

describe('citationParts', () => {
  test('marks each placeholder with its field and keeps the words between', () => {
    expect(citationParts('«{title}» — {site}. {url}', values)).toEqual([
      { text: '«' },
      { field: 'title', text: 'Тестовый сквер' },
      { text: '» — ' },
      { field: 'site', text: 'Сайт' },
      { text: '. ' },
      { field: 'url', text: 'https://example.org/projects/fx/' },
    ]);
  });

  test.each([
    // Guillemets inside guillemets become „…“, as Russian and Kazakh typography want.
    ['«{title}»', 'Частная школа «Joo School»', '«Частная школа „Joo School“»'],
    // A date that ends in "г." closes its sentence; the template's full stop is not doubled.
    ['на {date}. {url}', 'x', 'на 5 ноября 2025 г. https://example.org/projects/fx/'],
    // With English quotes around the title, its own guillemets stay.
    ['“{title}”', 'Школа «Joo»', '“Школа «Joo»”'],
  ])('%s with %s → %s', (template, title, expected) => {
    expect(citationText(template, { ...values, title })).toBe(expected);
  });

  test('leaves an unknown placeholder visible, so a dictionary typo shows on the page', () => {
    expect(citationParts('{titel}', values)).toEqual([{ text: '{titel}' }]);
  });
});

describe('citationText', () => {
  test.each(LOCALES)('the %s template names the title, the site, the data date and the permalink', (lang) => {
    const text = citationText(dictionaries[lang].share.citeTemplate, values);
    for (const v of Object.values(values)) expect(text).toContain(v);
    expect(text).not.toMatch(/[{}]/);
  });

  test('collapses whitespace to one line', () => {
    expect(citationText('{title}\n  {url}', values)).toBe('Тестовый сквер https://example.org/projects/fx/');
  });
});
