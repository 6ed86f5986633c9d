import { describe, expect, test } from 'vitest';
import { breadcrumbList, dataset, districtPlace, jsonLd, newsArticle } from '../../src/lib/structured-data.ts';

describe('jsonLd', () => {
  test.each([
    // "</script>" inside a value would end the data block early; escaped, it cannot.
    [{ name: '</script><script>alert(1)</script>' }, '</script>'],
    // "<!--" could start a comment in an old parser.
    [{ name: '<!-- x -->' }, '<!--'],
    // An ampersand could begin a character reference.
    [{ name: 'A & B' }, '&'],
  ])('escapes %j so that %s never appears raw', (data, raw) => {
    const text = jsonLd(data);
    expect(text).not.toContain(raw);
    // The escapes are JSON escapes: parsing gives back exactly the same data.
    expect(JSON.parse(text)).toEqual(data);
  });

  test('keeps Cyrillic and Kazakh text readable (no needless escaping)', () => {
    expect(jsonLd({ name: 'Әуезов ауданы' })).toBe('{"name":"Әуезов ауданы"}');
  });
});

describe('breadcrumbList', () => {
  test('numbers the trail from 1 in order, with absolute URLs', () => {
    const ld = breadcrumbList([
      { name: 'Главная', url: 'https://example.org/' },
      { name: 'Районы', url: 'https://example.org/districts/' },
    ]);
    expect(ld['@type']).toBe('BreadcrumbList');
    expect(ld['itemListElement']).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Главная', item: 'https://example.org/' },
      { '@type': 'ListItem', position: 2, name: 'Районы', item: 'https://example.org/districts/' },
    ]);
  });
});

describe('newsArticle', () => {
  const base = {
    headline: 'Заголовок',
    description: 'Лид',
    url: 'https://example.org/news/x/',
    inLanguage: 'ru',
    datePublished: new Date('2025-10-23T18:43:00+05:00'),
    author: 'Автор',
    original: { publisher: 'Example News', url: 'https://news.example/x' },
    site: { name: 'Our site', url: 'https://example.org/', logo: { url: 'https://example.org/logo.png', width: 512, height: 512 } },
  };

  test.each([
    // The original: based on the outlet's publication (named as its publisher), no translation fields.
    [base, { isBasedOn: { '@type': 'NewsArticle', url: 'https://news.example/x', publisher: { '@type': 'Organization', name: 'Example News' } }, translationOfWork: undefined }],
    // Our translation names the original page; our site translated it.
    [
      { ...base, inLanguage: 'en', translation: { of: 'https://example.org/news/x/' } },
      { translationOfWork: { '@type': 'NewsArticle', url: 'https://example.org/news/x/' }, translator: { '@type': 'Organization', name: 'Our site' } },
    ],
  ])('%#', (input, expected) => {
    const ld = newsArticle(input);
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld['datePublished']).toBe('2025-10-23T13:43:00.000Z');
    expect(ld).toMatchObject(Object.fromEntries(Object.entries(expected).filter(([, v]) => v !== undefined)));
    for (const [k, v] of Object.entries(expected)) if (v === undefined) expect(ld).not.toHaveProperty(k);
  });

  test('the publisher is this site, with its logo as a PNG ImageObject', () => {
    expect(newsArticle(base)['publisher']).toEqual({
      '@type': 'Organization',
      name: 'Our site',
      url: 'https://example.org/',
      logo: { '@type': 'ImageObject', url: 'https://example.org/logo.png', width: 512, height: 512 },
    });
  });

  test.each([
    // Never corrected: modified when published.
    [undefined, '2025-10-23T13:43:00.000Z'],
    // A correction gives its own date.
    [new Date('2025-11-02T10:00:00+05:00'), '2025-11-02T05:00:00.000Z'],
  ])('dateModified with updated=%s is %s', (updated, expected) => {
    expect(newsArticle({ ...base, dateModified: updated })['dateModified']).toBe(expected);
  });
});

describe('dataset', () => {
  test('lists one DataDownload per file and gives dates as calendar dates', () => {
    const ld = dataset({
      name: 'Тестовый набор',
      description: 'Описание',
      url: 'https://example.org/data/',
      inLanguage: 'ru',
      dateModified: new Date('2025-11-05'),
      temporalCoverage: { from: new Date('2025-09-01'), to: new Date('2025-11-05') },
      creator: { name: 'Сайт', url: 'https://example.org/' },
      keywords: ['a'],
      license: 'https://creativecommons.org/licenses/by/4.0/',
      downloads: [
        { name: 'projects.csv', url: 'https://example.org/data/projects.csv', encodingFormat: 'text/csv', contentSize: '96 KB' },
        { name: 'projects.json', url: 'https://example.org/data/projects.json', encodingFormat: 'application/json', contentSize: '150 KB' },
      ],
    });
    expect(ld['dateModified']).toBe('2025-11-05');
    expect(ld['temporalCoverage']).toBe('2025-09-01/2025-11-05');
    expect((ld['distribution'] as Array<Record<string, string>>).map((d) => [d['@type'], d['contentUrl']])).toEqual([
      ['DataDownload', 'https://example.org/data/projects.csv'],
      ['DataDownload', 'https://example.org/data/projects.json'],
    ]);
  });
});

describe('dataset licence', () => {
  test('the Dataset names its licence, and a file under another licence names its own', () => {
    const ld = dataset({
      name: 'n',
      description: 'd',
      url: 'https://example.org/data/',
      inLanguage: 'en',
      dateModified: new Date('2025-11-05'),
      creator: { name: 'Site', url: 'https://example.org/' },
      keywords: [],
      license: 'https://creativecommons.org/licenses/by/4.0/',
      downloads: [
        { name: 'projects.csv', url: 'https://example.org/data/projects.csv', encodingFormat: 'text/csv', contentSize: '1 KB' },
        { name: 'districts.geojson', url: 'https://example.org/data/districts.geojson', encodingFormat: 'application/geo+json', contentSize: '9 KB', license: 'https://opendatacommons.org/licenses/odbl/1-0/' },
      ],
    });
    expect(ld['license']).toBe('https://creativecommons.org/licenses/by/4.0/');
    const files = ld['distribution'] as Array<Record<string, string>>;
    expect(files[0]).not.toHaveProperty('license');
    expect(files[1]?.['license']).toBe('https://opendatacommons.org/licenses/odbl/1-0/');
  });
});

describe('districtPlace', () => {
  test('is a Place inside Almaty with the other languages as alternate names', () => {
    const ld = districtPlace({ name: 'Тестовый район', alternateName: ['Сынақ ауданы', 'Test district'], url: 'https://example.org/districts/x/', description: 'd' });
    expect(ld).toMatchObject({ '@type': 'AdministrativeArea', alternateName: ['Сынақ ауданы', 'Test district'], containedInPlace: { '@type': 'City', name: 'Almaty' } });
  });
});
