import { readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { pathToFileURL } from 'node:url';
import shareImageCache, { CANVAS_ALLOCATOR } from '../../src/integrations/share-image-cache.ts';
import { CACHE_ENV, cacheKey, drawingFingerprint, imageCache, pruneImages } from '../../src/lib/share-image-cache.ts';
import { OUTLINE_CACHE_ENV } from '../../src/lib/outline-cache.ts';
import { tempDir } from './temp-dir.ts';

const card = { kicker: 'Fixture', title: 'A test card', stats: [], footer: 'Data as of 5 November 2025' };

describe('share image cache', () => {
  test('a card keeps its key; a changed card or a change to the drawing gets another', () => {
    const f = drawingFingerprint(process.cwd());
    expect(f).toMatch(/^[0-9a-f]{64}$/);
    expect(cacheKey(f!, card)).toBe(cacheKey(f!, { ...card }));
    expect(cacheKey(f!, { ...card, title: 'A test card.' })).not.toBe(cacheKey(f!, card));
    expect(cacheKey(`${f!}x`, card)).not.toBe(cacheKey(f!, card));
  });

  test('without the drawing code there is no fingerprint, so nothing is kept', () => {
    expect(drawingFingerprint(tempDir('no-src'))).toBeUndefined();
  });

  test('gives back exactly the bytes kept, once written, and nothing for an unknown card', async () => {
    const cache = imageCache(join(tempDir('share-cache'), 'share-images'));
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    expect(await cache.get('a')).toBeUndefined();
    cache.set('a', png);
    await cache.flush();
    expect([...(await cache.get('a'))!]).toEqual([...png]);
  });

  test('pruning deletes the images no build used since it started, and keeps the ones it read', async () => {
    const dir = tempDir('share-cache');
    const cache = imageCache(dir);
    cache.set('used', new Uint8Array([1]));
    cache.set('stale', new Uint8Array([2]));
    await cache.flush();
    writeFileSync(join(dir, 'left-over.png.1.0.part'), 'x');
    const past = new Date(Date.now() - 60_000);
    for (const name of readdirSync(dir)) utimesSync(join(dir, name), past, past);
    const started = Date.now() - 1000;
    expect(await cache.get('used')).toBeDefined();
    expect(pruneImages(dir, started)).toBe(2);
    expect(readdirSync(dir)).toEqual(['used.png']);
  });

  test('pruning keeps an image the build listed but did not read (Astro restored it from its own cache)', async () => {
    const dir = tempDir('share-cache');
    const cache = imageCache(dir);
    cache.set('restored', new Uint8Array([1]));
    cache.set('gone', new Uint8Array([2]));
    await cache.flush();
    expect(cache.has('restored')).toBe(true);
    expect(cache.has('never')).toBe(false);
    const past = new Date(Date.now() - 60_000);
    for (const name of readdirSync(dir)) utimesSync(join(dir, name), past, past);
    expect(pruneImages(dir, Date.now() - 1000, new Set(['restored']))).toBe(1);
    expect(readdirSync(dir)).toEqual(['restored.png']);
  });
});

/**
 * The hook sets the cache folders and the allocator setting for the build's process. Each test stubs
 * them (as they are) first, so that vi.unstubAllEnvs() puts them back for the test files that share
 * this process (vitest.config.ts, isolate: false).
 */
const HOOK_ENV = [CACHE_ENV, OUTLINE_CACHE_ENV, ...Object.keys(CANVAS_ALLOCATOR)];

describe('the share-image-cache integration', () => {
  beforeEach(() => {
    for (const name of HOOK_ENV) vi.stubEnv(name, process.env[name]);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllEnvs();
  });

  test('keeps every image the build wrote or read, from astro:config:done on, and prunes the older ones', async () => {
    const cacheDir = tempDir('share-cache-hooks');
    const dir = join(cacheDir, 'share-images');
    const hooks = shareImageCache().hooks as Record<string, (options: unknown) => unknown>;
    const at = (ms: number) => vi.setSystemTime(new Date(ms));
    const stamp = (name: string, ms: number) => utimesSync(join(dir, name), new Date(ms), new Date(ms));
    vi.useFakeTimers({ toFake: ['Date'] });
    const t0 = Date.parse('2026-01-01T00:00:00Z');

    const cache = imageCache(dir);
    cache.set('older', new Uint8Array([1]));
    await cache.flush();
    stamp('older.png', t0 - 60_000);
    at(t0);
    hooks['astro:config:done']!({ config: { cacheDir: pathToFileURL(`${cacheDir}/`) } });
    // The images drawn ahead are written while Astro starts up, seconds before astro:build:start.
    cache.set('ahead', new Uint8Array([2]));
    await cache.flush();
    stamp('ahead.png', t0 + 500);
    at(t0 + 10_000);
    hooks['astro:build:start']?.({});
    await hooks['astro:build:done']!({});
    expect(readdirSync(dir).sort()).toEqual(['ahead.png']);
  });
});

describe("the drawing library's allocator setting", () => {
  // The integration sets it once the config is done, before any card is drawn (src/integrations/
  // share-image-cache.ts says why).
  afterEach(() => vi.unstubAllEnvs());

  function configDone(env: Record<string, string | undefined>) {
    for (const name of HOOK_ENV) vi.stubEnv(name, undefined);
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    const hook = shareImageCache().hooks['astro:config:done'] as (options: unknown) => void;
    hook({ config: { cacheDir: pathToFileURL(`${tempDir('share-cache-env')}/`) } });
    return process.env['MIMALLOC_PURGE_DELAY'];
  }

  test('keeps freed memory (no purge) unless the environment says otherwise', () => {
    expect(CANVAS_ALLOCATOR).toEqual({ MIMALLOC_PURGE_DELAY: '-1' });
    expect(configDone({})).toBe('-1');
    expect(configDone({ MIMALLOC_PURGE_DELAY: '10' })).toBe('10');
  });
});
