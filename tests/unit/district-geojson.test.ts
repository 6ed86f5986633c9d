import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { DISTRICT_FIELDS, districtsGeojson, type DistrictCounts } from '../../src/lib/district-geojson.ts';
import { simplifyOutlines, type Outlines } from '../../src/lib/outlines.ts';
import { DISTRICT_SLUGS } from '../../src/lib/vocabulary.ts';

let outlines: Outlines;
beforeAll(async () => {
  outlines = await simplifyOutlines(readFileSync('content/geo/districts-osm.geojson', 'utf8'));
});

// Hand-made counts (not the real figures): district i has i social projects and one located.
const counts: DistrictCounts[] = DISTRICT_SLUGS.map((slug, i) => ({
  slug,
  name: { ru: `Район ${i}`, kk: `Аудан ${i}`, en: `District ${i}` },
  itemised: { social: i, infrastructure: 1, industry: 0, utilities: 0 },
  confirmed: i % 2,
  located: 1,
  url: `https://example.org/districts/${slug}/`,
}));
const meta = { dataAsOf: '2026-11-25', documentation: 'https://example.org/data/' };

describe('districtsGeojson', () => {
  test('one MultiPolygon per district, [lon, lat], with every documented field', () => {
    const fc = districtsGeojson(outlines, counts, meta);
    expect(fc.features.map((f) => f.properties.slug)).toEqual([...DISTRICT_SLUGS]);
    for (const f of fc.features) {
      expect(Object.keys(f.properties)).toEqual([...DISTRICT_FIELDS]);
      expect(f.geometry.type).toBe('MultiPolygon');
      const [lon, lat] = f.geometry.coordinates[0]![0]![0]!;
      expect(lon).toBeGreaterThan(76);
      expect(lat).toBeLessThan(44);
    }
  });

  test('adds up the categories and keeps the other counts apart', () => {
    const almaly = districtsGeojson(outlines, counts, meta).features[1]!.properties;
    expect(almaly).toMatchObject({ itemised: 2, itemised_social: 1, itemised_infrastructure: 1, confirmed_on_list: 1, located: 1, osm_relation: 3072807 });
  });

  test('carries the OpenStreetMap attribution and the ODbL in the file', () => {
    const fc = districtsGeojson(outlines, counts, meta);
    expect(fc.attribution).toContain('© OpenStreetMap contributors');
    expect(fc.attribution).toContain('https://www.openstreetmap.org/copyright');
    expect(fc.license).toMatch(/ODbL-1\.0/);
    expect(fc.source).toContain('https://www.openstreetmap.org/relation/3072217');
  });

  test('stops when a district has no counts', () => {
    expect(() => districtsGeojson(outlines, counts.slice(1), meta)).toThrow(/no counts for district "alatau"/);
  });
});
