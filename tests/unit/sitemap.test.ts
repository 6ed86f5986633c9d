import { describe, expect, test } from 'vitest';
import { sitemapLinks } from '../../src/lib/sitemap.ts';

const base = 'https://example.org/';
const links = (ru: string, kk: string, en: string) => [
  { url: `${base}${ru}`, lang: 'ru-RU' },
  { url: `${base}${kk}`, lang: 'kk-KZ' },
  { url: `${base}${en}`, lang: 'en-GB' },
];

describe('sitemapLinks', () => {
  test.each([
    // A Russian page (at the root) and its Kazakh and English versions.
    ['districts/medeu/', links('districts/medeu/', 'kk/districts/medeu/', 'en/districts/medeu/')],
    // A Kazakh page gives the same three addresses.
    ['kk/districts/medeu/', links('districts/medeu/', 'kk/districts/medeu/', 'en/districts/medeu/')],
    // The home pages.
    ['', links('', 'kk/', 'en/')],
    ['en/', links('', 'kk/', 'en/')],
    // A path that merely starts with a locale's letters is Russian.
    ['kkk/', links('kkk/', 'kk/kkk/', 'en/kkk/')],
  ])('%s', (path, expected) => {
    expect(sitemapLinks(`${base}${path}`, base)).toEqual(expected);
  });

  test('keeps a base path (BASE_PATH) in every alternate', () => {
    const sub = 'https://example.org/almaty-projects/';
    expect(sitemapLinks(`${sub}kk/districts/medeu/`, sub)).toEqual([
      { url: `${sub}districts/medeu/`, lang: 'ru-RU' },
      { url: `${sub}kk/districts/medeu/`, lang: 'kk-KZ' },
      { url: `${sub}en/districts/medeu/`, lang: 'en-GB' },
    ]);
  });

  test('leaves a URL outside the site alone', () => {
    expect(sitemapLinks('https://other.example/districts/', base)).toBeUndefined();
  });
});
