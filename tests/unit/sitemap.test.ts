import { describe, expect, test } from 'vitest';
import { isFormerProjectPath, sitemapLinks } from '../../src/lib/sitemap.ts';
import { alternates } from '../../src/lib/alternates.ts';
import { HREFLANG, LOCALES } from '../../src/lib/vocabulary.ts';

const base = 'https://example.org/';
// The pages' own codes (src/lib/vocabulary.ts HREFLANG), and x-default for the Russian original.
const links = (ru: string, kk: string, en: string) => [
  { url: `${base}${ru}`, lang: 'ru' },
  { url: `${base}${kk}`, lang: 'kk' },
  { url: `${base}${en}`, lang: 'en' },
  { url: `${base}${ru}`, lang: 'x-default' },
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
      { url: `${sub}districts/medeu/`, lang: 'ru' },
      { url: `${sub}kk/districts/medeu/`, lang: 'kk' },
      { url: `${sub}en/districts/medeu/`, lang: 'en' },
      { url: `${sub}districts/medeu/`, lang: 'x-default' },
    ]);
  });

  test('uses the same codes as the pages: one set, from HREFLANG, plus x-default', () => {
    const codes = sitemapLinks(`${base}data/`, base)?.map((l) => l.lang);
    expect(codes).toEqual([...LOCALES.map((l) => HREFLANG[l]), 'x-default']);
    expect(alternates((l) => l).map((a) => a.hreflang)).toEqual(codes);
  });

  test('leaves a URL outside the site alone', () => {
    expect(sitemapLinks('https://other.example/districts/', base)).toBeUndefined();
  });
});

describe('isFormerProjectPath', () => {
  const former = new Set(['utl-old-project']);
  test.each([
    // A former project's address, in each language and under a base path.
    ['/projects/utl-old-project/', true],
    ['/kk/projects/utl-old-project/', true],
    ['/almaty-projects/en/projects/utl-old-project/', true],
    // A project on the list, the index, and a page of another kind with the same last segment.
    ['/projects/soc-school-220-medeu/', false],
    ['/projects/', false],
    ['/districts/utl-old-project/', false],
  ] as const)('%s → %s', (path, expected) => {
    expect(isFormerProjectPath(path, former)).toBe(expected);
  });
});
