import { afterEach, describe, expect, test, vi } from 'vitest';
import { absolute, basePath, fileHref, href, localeOf, switchLocale } from '../../src/lib/paths.ts';

// Every case runs at the site root and under a base path (BASE_PATH=/almaty-projects/, which Astro
// hands to the code as import.meta.env.BASE_URL): a helper that ignores the base fails the second run.
const BASES = ['/', '/almaty-projects/'] as const;

afterEach(() => {
  vi.unstubAllEnvs();
});

describe.each(BASES)('under the base %s', (base) => {
  const at = (path: string) => `${base}${path.replace(/^\//, '')}`;

  test.each([
    // Russian is at the root; the others are prefixed; every page path ends in "/".
    [['ru'], '/'],
    [['kk'], '/kk/'],
    [['ru', 'projects'], '/projects/'],
    [['en', 'districts', 'medeu'], '/en/districts/medeu/'],
    [['ru', 'projects', '?category=social'], '/projects/?category=social'],
    // An odd id is encoded, so it cannot break out of the path.
    [['ru', 'projects', 'a/b?c'], '/projects/a%2Fb%3Fc/'],
  ] as const)('href%j → %s', (args, expected) => {
    vi.stubEnv('BASE_URL', base);
    const [lang, ...rest] = args;
    expect(href(lang, ...rest)).toBe(at(expected));
  });

  test.each([
    // Files have no trailing slash: downloads, the favicon, feeds, the sitemap, share images.
    [['data', 'projects.csv'], '/data/projects.csv'],
    [['favicon.svg'], '/favicon.svg'],
    [['og', 'kk', 'district-medeu.png'], '/og/kk/district-medeu.png'],
  ] as const)('fileHref%j → %s', (args, expected) => {
    vi.stubEnv('BASE_URL', base);
    expect(fileHref(...args)).toBe(at(expected));
  });

  test.each([
    ['/projects/medeu/', 'kk', '/kk/projects/medeu/'],
    ['/kk/projects/medeu/', 'ru', '/projects/medeu/'],
    ['/en/', 'kk', '/kk/'],
    ['/', 'en', '/en/'],
  ] as const)('switchLocale %s → %s: %s', (from, to, expected) => {
    vi.stubEnv('BASE_URL', base);
    expect(switchLocale(at(from), to)).toBe(at(expected));
  });

  test.each([
    ['/kk/districts/', 'kk'],
    ['/districts/', 'ru'],
    // Only a whole first segment is a locale.
    ['/kkk/', 'ru'],
  ] as const)('localeOf %s → %s', (path, expected) => {
    vi.stubEnv('BASE_URL', base);
    expect(localeOf(at(path))).toBe(expected);
  });

  test('absolute URLs keep the base, on the configured site', () => {
    vi.stubEnv('BASE_URL', base);
    vi.stubEnv('SITE', 'https://news.example.kz');
    expect(absolute(href('kk', 'districts', 'medeu'))).toBe(`https://news.example.kz${at('/kk/districts/medeu/')}`);
  });
});

describe('basePath', () => {
  test.each([
    ['/', '/'],
    ['/almaty-projects/', '/almaty-projects/'],
    // Astro gives the base as configured; the helper always ends it with a slash.
    ['/almaty-projects', '/almaty-projects/'],
    ['almaty-projects', '/almaty-projects/'],
  ])('%s → %s', (given, expected) => {
    vi.stubEnv('BASE_URL', given);
    expect(basePath()).toBe(expected);
  });
});

describe('absolute', () => {
  // Its shortcut (the origin in front of a plain path) must give exactly what URL gives.
  test.each(['https://news.example.kz', 'https://news.example.kz/almaty-projects/', 'http://localhost:4321/'])('matches URL on %s', (site) => {
    vi.stubEnv('SITE', site);
    for (const path of ['/', '/kk/projects/medeu/', '/og/ru/district-medeu.png', '/projects/?category=social&district=medeu', '/projects/a%2Fb%3Fc/', '/a/./b/', '/a/../b/', '/a/..', '//evil.example/x', '/проекты/', '/a b/', '/x#y', "/it's/(1)/", "/projects/?q=it's", '/projects/?q=a b']) {
      expect(absolute(path), path).toBe(new URL(path, site).href);
    }
  });
});
