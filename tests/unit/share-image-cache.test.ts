import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cacheKey, drawingFingerprint, imageCache, pruneImages } from '../../src/lib/share-image-cache.ts';

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
    expect(drawingFingerprint(mkdtempSync(join(tmpdir(), 'no-src-')))).toBeUndefined();
  });

  test('gives back exactly the bytes kept, and nothing for an unknown card', () => {
    const cache = imageCache(join(mkdtempSync(join(tmpdir(), 'share-cache-')), 'share-images'));
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', png);
    expect([...cache.get('a')!]).toEqual([...png]);
  });

  test('pruning deletes the images no build used since it started, and keeps the ones it read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'share-cache-'));
    const cache = imageCache(dir);
    cache.set('used', new Uint8Array([1]));
    cache.set('stale', new Uint8Array([2]));
    writeFileSync(join(dir, 'left-over.png.1.0.part'), 'x');
    const past = new Date(Date.now() - 60_000);
    for (const name of readdirSync(dir)) utimesSync(join(dir, name), past, past);
    const started = Date.now() - 1000;
    expect(cache.get('used')).toBeDefined();
    expect(pruneImages(dir, started)).toBe(2);
    expect(readdirSync(dir)).toEqual(['used.png']);
  });
});
