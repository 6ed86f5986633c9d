import { describe, expect, test } from 'vitest';
import { clipRing, labelPoint, nearestOnEdge, polygonAreaKm2, shapeBounds, shapeContains, shapeOf, type Shape } from '../../src/lib/shapes.ts';

// Hand-made shapes near Almaty (not real outlines): a 0.02° square with a hole, and a C shape.
const SQUARE: Shape = [
  [
    [
      [76.9, 43.2],
      [76.92, 43.2],
      [76.92, 43.22],
      [76.9, 43.22],
      [76.9, 43.2],
    ],
    [
      [76.905, 43.205],
      [76.905, 43.21],
      [76.91, 43.21],
      [76.91, 43.205],
      [76.905, 43.205],
    ],
  ],
];
// A "C" open to the east: its centroid lies in the gap, outside the shape.
const C_SHAPE: Shape = [
  [
    [
      [0, 0],
      [3, 0],
      [3, 1],
      [1, 1],
      [1, 2],
      [3, 2],
      [3, 3],
      [0, 3],
      [0, 0],
    ].map(([x, y]) => [76.9 + x! * 0.01, 43.2 + y! * 0.01] as [number, number]),
  ],
];

describe('shapeContains', () => {
  test.each([
    // Inside the square, away from the hole.
    [43.215, 76.915, true],
    // Inside the hole: not in the shape.
    [43.207, 76.907, false],
    // Outside altogether.
    [43.25, 76.95, false],
    // Latitude and longitude swapped: far outside.
    [76.915, 43.215, false],
  ])('(%f, %f) → %s', (lat, lon, inside) => {
    expect(shapeContains(SQUARE, { lat, lon })).toBe(inside);
  });
});

describe('measures', () => {
  test('area in km²: 0.02° × 0.02° at 43.2° N, minus the hole', () => {
    // 0.02° of latitude ≈ 2.224 km; of longitude ≈ 2.224 × cos 43.25° ≈ 1.620 km.
    const outer = 2.2239 * 1.6199;
    const hole = outer / 16;
    expect(polygonAreaKm2(SQUARE[0]!)).toBeCloseTo(outer - hole, 2);
  });

  test('bounds cover the outer ring', () => {
    expect(shapeBounds(SQUARE)).toEqual({ south: 43.2, west: 76.9, north: 43.22, east: 76.92 });
  });

  test('nearest point on an edge and its distance in metres', () => {
    // 0.001° north of the square's top edge: about 111 m.
    const n = nearestOnEdge(SQUARE, { lat: 43.221, lon: 76.91 });
    expect(n.distanceM).toBeGreaterThan(105);
    expect(n.distanceM).toBeLessThan(117);
    expect(n.lat).toBeCloseTo(43.22, 6);
  });
});

describe('labelPoint', () => {
  test('is inside a C-shaped outline, where the centroid is not', () => {
    const p = labelPoint(C_SHAPE);
    expect(shapeContains(C_SHAPE, p)).toBe(true);
    expect(p.roomKm).toBeGreaterThan(0.3);
  });

  test('uses the largest part of a shape in two parts', () => {
    const two: Shape = [...C_SHAPE, SQUARE[0]!.slice(0, 1)].reverse();
    const p = labelPoint(two);
    // The C (9 cells of 0.01°) is larger than the square (4 cells of 0.01°).
    expect(shapeContains(C_SHAPE, p)).toBe(true);
  });
});

describe('clipRing', () => {
  const box = { x0: 0, y0: 0, x1: 10, y1: 10 };
  test.each([
    // Fully inside: unchanged (open ring).
    [[[1, 1], [2, 1], [2, 2], [1, 1]], 3],
    // Fully outside: nothing.
    [[[20, 20], [30, 20], [30, 30], [20, 20]], 0],
    // Straddling the right edge: cut along x = 10.
    [[[5, 5], [15, 5], [15, 8], [5, 8], [5, 5]], 4],
  ] as Array<[Array<[number, number]>, number]>)('%j → %i points', (ring, n) => {
    const out = clipRing(ring, box);
    expect(out).toHaveLength(n);
    expect(out.every(([x, y]) => x >= 0 && x <= 10 && y >= 0 && y <= 10)).toBe(true);
  });
});

describe('shapeOf', () => {
  test('turns a Polygon into a one-part shape and rejects a Point', () => {
    expect(shapeOf({ type: 'Polygon', coordinates: SQUARE[0] })).toHaveLength(1);
    expect(() => shapeOf({ type: 'Point', coordinates: [76.9, 43.2] })).toThrow(/Polygon or MultiPolygon/);
  });
});
