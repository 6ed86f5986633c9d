import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { outlineOf, pointsOutsideOutlines, simplifyOutlines, type DistrictOutline, type Outlines } from '../../src/lib/outlines.ts';
import { nearestOnEdge, shapeAreaKm2, shapeBounds, shapeContains, shapeOf, type Shape } from '../../src/lib/shapes.ts';
import { DISTRICT_SLUGS } from '../../src/lib/vocabulary.ts';
import { LOCATED_POINTS } from '../fixtures/located-points.ts';

// The real OSM file is what these tests are about (it is reference geography, not content entries).
const FILE = 'content/geo/districts-osm.geojson';
const RAW = readFileSync(FILE, 'utf8');
const rawDistricts = (JSON.parse(RAW) as { features: Array<{ properties: { district: string }; geometry: { type: string; coordinates: unknown } }> }).features.map(
  (f) => ({ slug: f.properties.district.toLowerCase(), shape: shapeOf(f.geometry) }),
);

let outlines: Outlines;
beforeAll(async () => {
  outlines = await simplifyOutlines(RAW, FILE);
});

const vertices = (shape: Shape) => shape.flat(2).length;

/**
 * Where two outlines come within `near` metres of each other without meeting, what lies between them:
 * for each vertex of one outline close to another outline (but not on it), the point halfway to that
 * outline must belong to exactly one district. A sliver gap leaves it in none; an overlap puts it in
 * two. (A third district between the two, as near a junction of three, is fine.) Returns the failures.
 */
function gapsAndOverlaps(districts: ReadonlyArray<{ slug: string; shape: Shape }>, near = 50, every = 1): string[] {
  const bad: string[] = [];
  // 0.001° is over 80 m here: a vertex outside the other outline's bounds grown by it cannot be near.
  const grown = (s: Shape) => {
    const b = shapeBounds(s);
    return { s: b.south - 0.001, n: b.north + 0.001, w: b.west - 0.001, e: b.east + 0.001 };
  };
  for (const a of districts)
    for (const b of districts) {
      if (a === b) continue;
      const g = grown(b.shape);
      for (const [lon, lat] of a.shape.flat(2).filter((_, i) => i % every === 0)) {
        if (lat < g.s || lat > g.n || lon < g.w || lon > g.e) continue;
        const n = nearestOnEdge(b.shape, { lat, lon });
        if (n.distanceM <= 1 || n.distanceM >= near) continue;
        const mid = { lat: (lat + n.lat) / 2, lon: (lon + n.lon) / 2 };
        const owners = districts.filter((d) => shapeContains(d.shape, mid)).length;
        if (owners !== 1) bad.push(`${a.slug}→${b.slug} at ${lat.toFixed(5)},${lon.toFixed(5)}: ${owners} districts`);
      }
    }
  return bad;
}

describe('simplifyOutlines', () => {
  test('gives each of the eight districts exactly once, in the vocabulary order, with its OSM relation', () => {
    expect(outlines.districts.map((d) => d.slug)).toEqual([...DISTRICT_SLUGS]);
    expect(outlineOf(outlines, 'medeu').osmId).toBe(3072217);
    expect(outlineOf(outlines, 'nauryzbay').osmId).toBe(5460063);
  });

  test('keeps Medeu in two parts (the Alatau settlement is the second)', () => {
    expect(outlineOf(outlines, 'medeu').shape).toHaveLength(2);
  });

  test('drops most vertices: the eight outlines fit a page', () => {
    const before = rawDistricts.reduce((n, d) => n + vertices(d.shape), 0);
    const after = outlines.districts.reduce((n, d) => n + vertices(d.shape), 0);
    expect(after).toBeLessThan(before * 0.3);
  });

  test.each(DISTRICT_SLUGS)('%s keeps its area within 2% of the OSM outline', (slug) => {
    const raw = rawDistricts.find((d) => d.slug === slug)!;
    expect(outlineOf(outlines, slug).areaKm2).toBeCloseTo(shapeAreaKm2(raw.shape), -1);
    expect(Math.abs(outlineOf(outlines, slug).areaKm2 / shapeAreaKm2(raw.shape) - 1)).toBeLessThan(0.02);
  });

  test.each(LOCATED_POINTS.map((p) => [p.id, p] as const))('located project %s still lies inside its district', (_, p) => {
    expect(shapeContains(outlineOf(outlines, p.district).shape, p)).toBe(true);
    // …and in no other district.
    expect(outlines.districts.filter((d) => shapeContains(d.shape, p)).map((d) => d.slug)).toEqual([p.district]);
  });

  test.each(DISTRICT_SLUGS)('the label point of %s lies inside its outline', (slug) => {
    const d: DistrictOutline = outlineOf(outlines, slug);
    expect(shapeContains(d.shape, d.label)).toBe(true);
    // With room for a name: at least 1 km to the nearest edge in every district.
    expect(d.label.roomKm).toBeGreaterThan(1);
  });

  test('the outlines do not overlap: their areas add up to the city’s', () => {
    const sum = outlines.districts.reduce((s, d) => s + d.areaKm2, 0);
    // Tolerance 0.01 km² (one hectare): far below a pixel on any of our maps.
    expect(Math.abs(sum - shapeAreaKm2(outlines.city))).toBeLessThan(0.01);
  });

  test('the outlines leave no gap inside the city: its edge has no holes', () => {
    expect(outlines.city.every((polygon) => polygon.length === 1)).toBe(true);
  });

  test('where two outlines come within 50 m of each other, they meet (no visible sliver, no overlap)', () => {
    expect(gapsAndOverlaps(outlines.districts)).toEqual([]);
  });

  test('that check fails on the unrepaired OSM outlines, which have slivers between neighbours', { timeout: 30_000 }, () => {
    // Every fifth vertex is enough to show it, in a fifth of the time.
    expect(gapsAndOverlaps(rawDistricts, 50, 5).length).toBeGreaterThan(100);
  });
});

describe('pointsOutsideOutlines', () => {
  test.each([
    // A real stated point in its own district: no message.
    [{ id: 'fx-a', district: 'almaly', location: { lat: 43.25726, lon: 76.910326 } }, 0, ''],
    // The same point filed under another district: named, with the district it is in.
    [{ id: 'fx-b', district: 'medeu', location: { lat: 43.25726, lon: 76.910326 } }, 1, 'inside "almaly"'],
    // Latitude and longitude swapped: outside the city, and the message suggests the swap.
    [{ id: 'fx-c', district: 'almaly', location: { lat: 76.910326, lon: 43.25726 } }, 1, 'lat and lon swapped'],
    // No district stated: nothing to check against.
    [{ id: 'fx-d', location: { lat: 43.25726, lon: 76.910326 } }, 0, ''],
  ])('%o → %i message(s)', (project, count, text) => {
    const problems = pointsOutsideOutlines([project], outlines);
    expect(problems).toHaveLength(count);
    if (count) expect(problems[0]).toContain(text);
    if (count) expect(problems[0]).toMatch(new RegExp(`^content/projects/${project.id}\\.md: location:`));
  });
});
