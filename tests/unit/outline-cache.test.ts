import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { SIMPLIFY_M, simplifyOutlines, type Outlines } from '../../src/lib/outlines.ts';
import { keepOutlines, keptOutlines, outlineKey } from '../../src/lib/outline-cache.ts';
import { tempDir } from './temp-dir.ts';

// The real OSM file: reference geography, not content entries (as in outlines.test.ts).
const FILE = 'content/geo/districts-osm.geojson';
const RAW = readFileSync(FILE, 'utf8');

let outlines: Outlines;
beforeAll(async () => {
  outlines = await simplifyOutlines(RAW, FILE);
});

describe('outline cache', () => {
  test('kept outlines read back equal to the simplified ones, so pages drawn from them are the same', () => {
    const dir = tempDir('outlines');
    const key = outlineKey(process.cwd(), RAW, SIMPLIFY_M)!;
    expect(keptOutlines(dir, key)).toBeUndefined();
    keepOutlines(dir, key, outlines);
    expect(keptOutlines(dir, key)).toEqual(outlines);
  });

  test('another file, level or code gets another key', () => {
    const key = outlineKey(process.cwd(), RAW, SIMPLIFY_M);
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(outlineKey(process.cwd(), RAW, SIMPLIFY_M)).toBe(key);
    expect(outlineKey(process.cwd(), `${RAW} `, SIMPLIFY_M)).not.toBe(key);
    expect(outlineKey(process.cwd(), RAW, SIMPLIFY_M + 1)).not.toBe(key);
    // Without the simplifying code there is no key, so nothing is kept or taken.
    expect(outlineKey(tempDir('no-src'), RAW, SIMPLIFY_M)).toBeUndefined();
  });

  test('keeping new outlines deletes the old ones', () => {
    const dir = tempDir('outlines');
    keepOutlines(dir, 'old', outlines);
    keepOutlines(dir, 'new', outlines);
    expect(readdirSync(dir)).toEqual(['new.json']);
    expect(keptOutlines(dir, 'old')).toBeUndefined();
  });

  test('a damaged or partial file is not taken', () => {
    const dir = tempDir('outlines');
    writeFileSync(join(dir, 'cut.json'), JSON.stringify(outlines).slice(0, 1000));
    expect(keptOutlines(dir, 'cut')).toBeUndefined();
    writeFileSync(join(dir, 'short.json'), JSON.stringify({ ...outlines, districts: outlines.districts.slice(1) }));
    expect(keptOutlines(dir, 'short')).toBeUndefined();
    writeFileSync(join(dir, 'twice.json'), JSON.stringify({ ...outlines, districts: [...outlines.districts.slice(1), outlines.districts[1]] }));
    expect(keptOutlines(dir, 'twice')).toBeUndefined();
  });
});
