import { describe, expect, test } from 'vitest';
import { href, switchLocale, localeOf, fileHref } from '../../src/lib/paths.ts';

describe('href', () => {
  test.each([
    // Russian is at the root; the others are prefixed; every page path ends in "/".
    [['ru'], '/'],
    [['kk'], '/kk/'],
    [['ru', 'projects'], '/projects/'],
    [['en', 'districts', 'medeu'], '/en/districts/medeu/'],
    [['ru', 'projects', '?category=social'], '/projects/?category=social'],
  ] as const)('%j → %s', (args, expected) => {
    const [lang, ...rest] = args;
    expect(href(lang, ...rest)).toBe(expected);
  });

  test('encodes segments so an odd id cannot break out of the path', () => {
    expect(href('ru', 'projects', 'a/b?c')).toBe('/projects/a%2Fb%3Fc/');
  });

  test('file paths have no trailing slash', () => {
    expect(fileHref('data', 'projects.csv')).toBe('/data/projects.csv');
  });
});

describe('switchLocale', () => {
  test.each([
    ['/projects/medeu/', 'kk', '/kk/projects/medeu/'],
    ['/kk/projects/medeu/', 'ru', '/projects/medeu/'],
    ['/en/', 'kk', '/kk/'],
    ['/', 'en', '/en/'],
  ] as const)('%s → %s: %s', (from, to, expected) => {
    expect(switchLocale(from, to)).toBe(expected);
  });

  test('knows which locale a path is in', () => {
    expect(localeOf('/kk/districts/')).toBe('kk');
    expect(localeOf('/districts/')).toBe('ru');
    expect(localeOf('/kkk/')).toBe('ru');
  });
});
