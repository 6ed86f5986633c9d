import { describe, expect, test } from 'vitest';
import { DEFAULT_TILE_URL, tileConfig, tileOrigin } from '../../src/lib/map-config.ts';

describe('tileConfig', () => {
  test.each([
    // No override: OpenStreetMap's standard tiles.
    [{}, DEFAULT_TILE_URL],
    // An empty variable is the same as none.
    [{ PUBLIC_TILE_URL: ' ' }, DEFAULT_TILE_URL],
    // An override is used as given.
    [{ PUBLIC_TILE_URL: 'http://127.0.0.1:9999/{z}/{x}/{y}.png' }, 'http://127.0.0.1:9999/{z}/{x}/{y}.png'],
  ])('%j → %s', (env, url) => {
    expect(tileConfig(env).url).toBe(url);
  });

  test('always carries the OpenStreetMap credit', () => {
    expect(tileConfig().attribution).toContain('https://www.openstreetmap.org/copyright');
  });
});

describe('tileOrigin', () => {
  test.each([
    // The default: what astro.config.mjs puts in the CSP img-src.
    [DEFAULT_TILE_URL, 'https://tile.openstreetmap.org'],
    // A subdomain placeholder becomes the CSP wildcard.
    ['https://{s}.tiles.example.org/{z}/{x}/{y}.png', 'https://*.tiles.example.org'],
    // A port is kept.
    ['http://127.0.0.1:9999/{z}/{x}/{y}.png', 'http://127.0.0.1:9999'],
  ])('%s → %s', (url, origin) => {
    expect(tileOrigin(url)).toBe(origin);
  });

  test('refuses a template without an http(s) origin', () => {
    expect(() => tileOrigin('tile.openstreetmap.org/{z}/{x}/{y}.png')).toThrow(/PUBLIC_TILE_URL/);
  });
});
