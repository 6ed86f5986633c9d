import { describe, expect, test } from 'vitest';
import {
  boundsOf,
  boundsToLatLngs,
  contains,
  isApproximate,
  parseBounds,
  outlinesFrom,
  parseFeatures,
  toFeature,
  toLatLng,
  unionBounds,
} from '../../src/lib/geo.ts';

// A point in Almaty where latitude (≈43) and longitude (≈77) cannot be confused.
const SQUARE = { lat: 43.2432, lon: 76.9596 };

describe('coordinate order', () => {
  test('GeoJSON positions are [lon, lat]', () => {
    expect(toFeature(SQUARE, {}).geometry.coordinates).toEqual([76.9596, 43.2432]);
  });

  test('Leaflet LatLng tuples are [lat, lon]', () => {
    expect(toLatLng(toFeature(SQUARE, {}))).toEqual([43.2432, 76.9596]);
  });

  test('bounds become [[south, west], [north, east]]', () => {
    expect(boundsToLatLngs({ south: 43.1, west: 76.8, north: 43.3, east: 77.0 })).toEqual([
      [43.1, 76.8],
      [43.3, 77.0],
    ]);
  });
});

describe('bounds', () => {
  test.each([
    // No points, no bounds.
    [[], undefined],
    // One point: a degenerate box on it.
    [[SQUARE], { south: 43.2432, west: 76.9596, north: 43.2432, east: 76.9596 }],
    // Several points: min and max of each axis, never mixing latitude with longitude.
    [
      [
        { lat: 43.2, lon: 76.95 },
        { lat: 43.3, lon: 76.85 },
      ],
      { south: 43.2, west: 76.85, north: 43.3, east: 76.95 },
    ],
  ])('boundsOf(%j)', (points, expected) => {
    expect(boundsOf(points)).toEqual(expected);
  });

  test('unionBounds holds every district frame', () => {
    expect(
      unionBounds([
        { south: 43.1, west: 76.9, north: 43.2, east: 77.0 },
        { south: 43.15, west: 76.7, north: 43.4, east: 76.95 },
      ]),
    ).toEqual({ south: 43.1, west: 76.7, north: 43.4, east: 77.0 });
    expect(unionBounds([])).toBeUndefined();
  });

  test.each([
    // Inside.
    [SQUARE, true],
    // Edges count as inside.
    [{ lat: 43.0, lon: 76.7 }, true],
    // Swapped coordinates are outside.
    [{ lat: 76.9596, lon: 43.2432 }, false],
  ])('contains %j → %s', (p, expected) => {
    expect(contains({ south: 43.0, west: 76.7, north: 43.45, east: 77.2 }, p)).toBe(expected);
  });
});

test.each([
  // Only the object itself is exact; street and microdistrict points are approximate.
  ['exact', false],
  ['street', true],
  ['microdistrict', true],
] as const)('isApproximate(%s) = %s', (precision, expected) => {
  expect(isApproximate(precision)).toBe(expected);
});

const props = {
  id: 'fx-school-a',
  title: 'Тестовая школа А',
  href: '/projects/fx-school-a/',
  category: 'social',
  precision: 'street',
  categoryLabel: 'Социальная сфера',
  precisionLabel: 'приблизительно: точка на улице',
};
const collection = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

describe('parseFeatures', () => {
  test.each([
    // A well-formed feature is kept as it is.
    [collection([toFeature(SQUARE, props)]), 1],
    // Not JSON at all.
    ['{not json', 0],
    // A missing attribute.
    [null, 0],
    // Valid JSON but not a FeatureCollection.
    [JSON.stringify([toFeature(SQUARE, props)]), 0],
    // A position with a string in it is dropped.
    [collection([{ ...toFeature(SQUARE, props), geometry: { type: 'Point', coordinates: ['76.9', 43.2] } }]), 0],
    // An unknown category is dropped.
    [collection([toFeature(SQUARE, { ...props, category: 'sports' })]), 0],
    // A feature without a link is dropped.
    [collection([toFeature(SQUARE, { ...props, href: '' })]), 0],
    // Good and bad together: only the good one survives.
    [collection([toFeature(SQUARE, props), { type: 'Feature' }]), 1],
  ])('%s → %i features', (json, count) => {
    expect(parseFeatures(json)).toHaveLength(count);
  });
});

describe('outlinesFrom', () => {
  const ring = [
    [76.9, 43.2],
    [76.92, 43.2],
    [76.92, 43.22],
    [76.9, 43.2],
  ];
  const feature = (geometry: unknown, properties: unknown = { slug: 'almaly', name_ru: 'Алмалинский район', itemised: 3 }) => ({ type: 'Feature', properties, geometry });
  const file = (...features: unknown[]) => ({ type: 'FeatureCollection', license: 'ODbL-1.0', features });
  const polygon = { type: 'Polygon', coordinates: [ring] };
  test.each([
    // A polygon with its slug; the file's other properties are left behind.
    [file(feature(polygon)), 1],
    // A multipolygon (Medeu has two parts).
    [file(feature({ type: 'MultiPolygon', coordinates: [[ring], [ring]] })), 1],
    // A ring of three positions is not a closed polygon.
    [file(feature({ type: 'Polygon', coordinates: [ring.slice(0, 3)] })), 0],
    // A position with a string in it.
    [file(feature({ type: 'Polygon', coordinates: [[...ring.slice(0, 3), ['76.9', 43.2]]] })), 0],
    // No slug.
    [file(feature(polygon, { name_ru: 'Алмалинский район' })), 0],
    // A point is not an outline.
    [file(feature({ type: 'Point', coordinates: [76.9, 43.2] })), 0],
    // Good and bad together: only the good one survives.
    [file(feature(polygon), feature(polygon, {})), 1],
    // Not a FeatureCollection at all.
    [{ type: 'Feature' }, 0],
    [null, 0],
    ['{', 0],
  ])('%j → %i outlines', (data, count) => {
    expect(outlinesFrom(data)?.features.length ?? 0).toBe(count);
  });

  const city = file(feature(polygon, { slug: 'almaly' }), feature({ type: 'MultiPolygon', coordinates: [[ring], [ring]] }, { slug: 'medeu' }));

  test('without a focus, every district, each drawn as a district and keeping only its slug', () => {
    expect(outlinesFrom(city)).toEqual({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { slug: 'almaly', role: 'district' }, geometry: polygon },
        { type: 'Feature', properties: { slug: 'medeu', role: 'district' }, geometry: { type: 'MultiPolygon', coordinates: [[ring], [ring]] } },
      ],
    });
  });

  test('with a focus, that district alone, drawn as the focus', () => {
    expect(outlinesFrom(city, 'medeu')?.features.map((f) => f.properties)).toEqual([{ slug: 'medeu', role: 'focus' }]);
    expect(outlinesFrom(city, 'turksib')).toBeUndefined();
  });
});

describe('parseBounds', () => {
  test.each([
    // Two corners of two numbers each.
    ['[[43.1,76.8],[43.3,77]]', [[43.1, 76.8], [43.3, 77]]],
    // Three numbers in a corner.
    ['[[43.1,76.8,1],[43.3,77]]', undefined],
    // A string where a number belongs.
    ['[["43.1",76.8],[43.3,77]]', undefined],
    // Not JSON.
    ['south', undefined],
    // Missing.
    [undefined, undefined],
  ])('%s → %j', (json, expected) => {
    expect(parseBounds(json)).toEqual(expected);
  });
});
