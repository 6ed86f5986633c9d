import { describe, expect, test } from 'vitest';
import {
  CALLOUT_REACH,
  cityMap,
  districtMap,
  DOT_RADIUS,
  groupNear,
  labelBox,
  LABEL_SIZE,
  labelLines,
  letters,
  layoutMarks,
  MAP_WIDTH,
  MARK_SPACING,
  MAX_MARKS,
  modelToSvg,
  projection,
  projectLocationMap,
  shadeClasses,
  shadeOf,
  type MapDistrict,
  type MapPoint,
} from '../../src/lib/static-map.ts';
import type { Shape } from '../../src/lib/shapes.ts';

// Hand-made districts (not real outlines): two squares side by side, 0.02° each, sharing a border.
const square = (west: number): Shape => [
  [
    [
      [west, 43.2],
      [west + 0.02, 43.2],
      [west + 0.02, 43.22],
      [west, 43.22],
      [west, 43.2],
    ],
  ],
];
const WEST: MapDistrict = { slug: 'west', shape: square(76.9), name: 'Западный район', label: { lat: 43.21, lon: 76.91 }, bounds: { south: 43.2, west: 76.9, north: 43.22, east: 76.92 } };
const EAST: MapDistrict = { slug: 'east', shape: square(76.92), name: 'Восточный район', label: { lat: 43.21, lon: 76.93 }, bounds: { south: 43.2, west: 76.92, north: 43.22, east: 76.94 } };
const CITY: Shape = [
  [
    [
      [76.9, 43.2],
      [76.94, 43.2],
      [76.94, 43.22],
      [76.9, 43.22],
      [76.9, 43.2],
    ],
  ],
];
const point = (id: string, lat: number, lon: number, extra: Partial<MapPoint> = {}): MapPoint => ({
  id,
  lat,
  lon,
  category: 'social',
  precision: 'exact',
  title: `Тестовый проект ${id}`,
  href: `/projects/${id}/`,
  ...extra,
});

/** Every pair of mark centres, as distances. */
const gaps = (marks: ReadonlyArray<{ x: number; y: number }>) =>
  marks.flatMap((a, i) => marks.slice(i + 1).map((b) => Math.hypot(a.x - b.x, a.y - b.y)));

describe('projection', () => {
  test.each([
    // A square district: as tall as wide.
    [{ south: 43.2, west: 76.9, north: 43.22, east: 76.92 }, 1, 0.6],
    // A wide, flat frame is made taller (at least 0.6 of the width).
    [{ south: 43.2, west: 76.8, north: 43.21, east: 77.0 }, 0.6, 0.6],
    // A tall, narrow one is widened to a square.
    [{ south: 43.1, west: 76.9, north: 43.4, east: 76.92 }, 1, 0.6],
  ])('%j → height/width between %f and %f', (bounds, max, min) => {
    const p = projection(bounds);
    expect(p.width).toBe(MAP_WIDTH);
    expect(p.height / p.width).toBeLessThanOrEqual(max + 0.01);
    expect(p.height / p.width).toBeGreaterThanOrEqual(min - 0.01);
  });

  test('north is up and east is right', () => {
    const p = projection(WEST.bounds);
    const [x1, y1] = p.xy([76.905, 43.215]);
    const [x2, y2] = p.xy([76.915, 43.205]);
    expect(x2).toBeGreaterThan(x1);
    expect(y2).toBeGreaterThan(y1);
  });
});

describe('layoutMarks', () => {
  const proj = projection(WEST.bounds);
  test('points far apart: one linked mark each, at its place', () => {
    const { marks, grouped, moved } = layoutMarks([point('a', 43.205, 76.905), point('b', 43.215, 76.915)], proj);
    expect(marks.map((m) => (m.kind === 'point' ? m.point.id : 'group'))).toEqual(['a', 'b']);
    expect([grouped, moved]).toEqual([0, 0]);
    expect(marks.every((m) => m.kind === 'point' && m.from === undefined)).toBe(true);
  });

  test('two points at the same place: both kept, moved apart, each with a line to the true place', () => {
    const { marks, moved } = layoutMarks([point('a', 43.21, 76.91), point('b', 43.21, 76.91)], proj);
    expect(marks).toHaveLength(2);
    expect(moved).toBe(2);
    expect(gaps(marks)[0]).toBeGreaterThanOrEqual(MARK_SPACING - 0.2);
    expect(marks.every((m) => m.kind === 'point' && m.from !== undefined)).toBe(true);
  });

  test('many points at one place: one numbered circle that counts them', () => {
    const many = Array.from({ length: 9 }, (_, i) => point(`p${i}`, 43.21, 76.91));
    const { marks, grouped } = layoutMarks(many, proj);
    expect(marks).toEqual([expect.objectContaining({ kind: 'group', count: 9 })]);
    expect(grouped).toBe(9);
  });

  test('10,000 points: at most MAX_MARKS marks, every project counted once, marks kept apart', () => {
    // Deterministic pseudo-random spread over the district.
    let s = 1;
    const rnd = () => ((s = (s * 16807) % 2147483647) / 2147483647);
    const points = Array.from({ length: 10_000 }, (_, i) => point(`p${i}`, 43.2 + 0.02 * rnd(), 76.9 + 0.02 * rnd()));
    const { marks } = layoutMarks(points, proj);
    expect(marks.length).toBeLessThanOrEqual(MAX_MARKS);
    const counted = marks.reduce((n, m) => n + (m.kind === 'group' ? m.count : 1), 0);
    expect(counted).toBe(10_000);
    expect(Math.min(...gaps(marks))).toBeGreaterThanOrEqual(MARK_SPACING - 0.2);
  });

  test('the same input in another order gives the same marks', () => {
    const list = [point('a', 43.21, 76.91), point('b', 43.2101, 76.9101), point('c', 43.205, 76.905)];
    expect(layoutMarks([...list].reverse(), proj)).toEqual(layoutMarks(list, proj));
  });
});

describe('groupNear', () => {
  test('group positions are real positions at least `spacing` apart', () => {
    const items = [0, 5, 30, 31, 100].map((x, i) => ({ id: i, x, y: 0 }));
    const groups = groupNear(items, 20);
    expect(groups.map((g) => g.items.length)).toEqual([2, 2, 1]);
    expect(groups.map((g) => g.x)).toEqual([0, 30, 100]);
  });
});

describe('labelLines', () => {
  test.each([
    ['Алмалинский район', ['Алмалинский', 'район']],
    ['Almaly district', ['Almaly', 'district']],
    ['Медеу', ['Медеу']],
    // Three words: split where the two lines are closest in length.
    ['Район имени Абая', ['Район', 'имени Абая']],
  ])('%s → %j', (name, lines) => {
    expect(labelLines(name)).toEqual(lines);
  });
});

describe('letters', () => {
  // What labelBox and the callouts' lines measure: code points, as [...text].length counts them.
  test.each(['', 'Алматы', 'Әуезов ауданы', 'a😀b', '😀😀', '\uD83D', '\uDE00x', '\uDE00\uD83D\uDE00', '\uD83D\uD83D\uDE00', '\uD83D\uDE00\uDE00'])('%j', (text) => {
    expect(letters(text)).toBe([...text].length);
  });
});

describe('shade classes', () => {
  test.each([
    // Nothing itemised anywhere: no classes, every district class 0.
    [0, []],
    // Fewer distinct counts than classes: one class per count.
    [3, [[1, 1], [2, 2], [3, 3]]],
    // 12 in four classes of three.
    [12, [[1, 3], [4, 6], [7, 9], [10, 12]]],
    // 10,000 projects: four classes of 2,500.
    [10_000, [[1, 2500], [2501, 5000], [5001, 7500], [7501, 10_000]]],
  ] as const)('shadeClasses(%i) = %j', (max, classes) => {
    expect(shadeClasses(max)).toEqual(classes);
  });

  test.each([
    [0, 0],
    [1, 1],
    [6, 2],
    [12, 4],
  ])('a district with %i projects gets class %i', (count, cls) => {
    expect(shadeOf(count, shadeClasses(12))).toBe(cls);
  });
});

describe('districtMap', () => {
  const model = districtMap({ focus: WEST, districts: [WEST, EAST], city: CITY, points: [point('a', 43.205, 76.905), point('b', 43.215, 76.915)] });

  test('draws the district and its neighbour, the district last (on top)', () => {
    expect(model.areas.map((a) => [a.slug, a.role])).toEqual([
      ['east', 'neighbour'],
      ['west', 'focus'],
    ]);
    expect(model.areas.every((a) => /^M[-\d. ]+Z/.test(a.d))).toBe(true);
    expect(model.edge).toMatch(/^M/);
  });

  test('names the district; the neighbour only where its name fits in the picture', () => {
    expect(model.labels[0]).toMatchObject({ role: 'focus', lines: ['Западный', 'район'], narrow: true });
    expect(model.labels.filter((l) => l.role === 'neighbour').every((l) => l.x >= 0 && l.x <= model.width)).toBe(true);
  });

  test('one linked mark per located project', () => {
    expect(model.marks.map((m) => (m.kind === 'point' ? m.point.href : undefined))).toEqual(['/projects/a/', '/projects/b/']);
  });

  test('a district without located projects still has its outline and no marks', () => {
    const empty = districtMap({ focus: EAST, districts: [WEST, EAST], city: CITY, points: [] });
    expect(empty.areas.find((a) => a.role === 'focus')?.d).toMatch(/^M/);
    expect(empty.marks).toEqual([]);
  });

  test('shapes are clipped near the picture: no coordinate far outside it', () => {
    const numbers = model.areas.flatMap((a) => a.d.match(/-?\d+(\.\d+)?/g)!.map(Number));
    expect(Math.min(...numbers)).toBeGreaterThanOrEqual(-20);
    expect(Math.max(...numbers)).toBeLessThanOrEqual(MAP_WIDTH + 20);
  });
});

describe('cityMap', () => {
  const model = cityMap({
    districts: [
      { ...WEST, count: 12, href: '/districts/west/', linkName: 'Западный район: 12 проектов' },
      { ...EAST, count: 0, href: '/districts/east/', linkName: 'Восточный район: 0 проектов' },
    ],
    city: CITY,
    bounds: { south: 43.2, west: 76.9, north: 43.22, east: 76.94 },
    points: [point('a', 43.205, 76.905), point('b', 43.2051, 76.9051), point('c', 43.215, 76.935)],
  });

  test('every district is a link with its count and shade', () => {
    expect(model.areas.map((a) => [a.href, a.count, a.shade])).toEqual([
      ['/districts/west/', 12, 4],
      ['/districts/east/', 0, 0],
    ]);
    expect(model.counts.map((c) => c.text)).toEqual(['12', '0']);
  });

  test('located projects are dots; two at nearly one place become one larger dot', () => {
    expect(model.dots.map((d) => d.count)).toEqual([2, 1]);
    expect(model.grouped).toBe(2);
  });

  test('a district too small to hold its name still gets it, right above its count, on a phone too', () => {
    const proj = projection(CITY_BOUNDS, { pad: 0.02, minAspect: 0.6, maxAspect: 1.3 });
    // How far the full name, in phone-sized type just above the count, reaches from the label point.
    const box = labelBox(0, 0, labelLines(WEST.name), LABEL_SIZE.narrow);
    const reach = Math.hypot((box.x1 - box.x0) / 2, 17 + (box.y1 - box.y0));
    const model = (roomPx: number) =>
      cityMap({ districts: [{ ...WEST, count: 1, roomKm: roomPx / proj.perKm }, { ...EAST, count: 0 }], city: CITY, bounds: CITY_BOUNDS, points: [] });
    // The largest circle inside the district is half as wide as the name reaches: the name crosses the
    // district's edge a little, and stays by its own count.
    const small = model(reach / 2);
    const name = small.labels.find((l) => l.lines[0] === 'Западный');
    expect(name, 'named').toBeDefined();
    expect(name!.narrow, 'shown on a phone').toBe(true);
    expect(name!.x).toBe(small.counts.find((c) => c.slug === 'west')!.x);
    expect(name!.leader, 'no line needed').toBeUndefined();
  });

  test('a district far smaller than its name is named a little way off, with a line to its count', () => {
    const proj = projection(CITY_BOUNDS, { pad: 0.02, minAspect: 0.6, maxAspect: 1.3 });
    const box = labelBox(0, 0, labelLines(WEST.name), LABEL_SIZE.narrow);
    const reach = Math.hypot((box.x1 - box.x0) / 2, 17 + (box.y1 - box.y0));
    const tiny = cityMap({ districts: [{ ...WEST, count: 1, roomKm: reach / 20 / proj.perKm }, { ...EAST, count: 0 }], city: CITY, bounds: CITY_BOUNDS, points: [] });
    const count = tiny.counts.find((c) => c.slug === 'west')!;
    const name = tiny.labels.find((l) => l.lines[0] === 'Западный');
    expect(name, 'named').toBeDefined();
    const leader = name!.leader!;
    expect(leader, 'joined to its count').toBeDefined();
    expect([leader.x1, leader.y1]).toEqual([count.x, count.y]);
    // The line ends at the name as drawn in each type size: inside its box (which allows for the white
    // halo round the letters), near the box's edge, not across the name.
    const size = name!.narrow ? LABEL_SIZE.narrow : LABEL_SIZE.wide;
    const drawn = labelBox(name!.x, name!.y, name!.lines, size);
    const atEdge = (b: ReturnType<typeof labelBox>, em: number, x: number, y: number) =>
      x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1 && Math.min(x - b.x0, b.x1 - x, y - b.y0, b.y1 - y) <= em / 2;
    if (name!.narrow) expect(atEdge(drawn, LABEL_SIZE.narrow, leader.narrowX2!, leader.narrowY2!), 'phone-size end').toBe(true);
    expect(atEdge(labelBox(name!.x, name!.y, name!.lines, LABEL_SIZE.wide), LABEL_SIZE.wide, leader.x2, leader.y2), 'wide end').toBe(true);
    // Close by, and over no count: neither its own nor the neighbour's.
    expect(Math.hypot(leader.x2 - count.x, leader.y2 - count.y)).toBeLessThanOrEqual(CALLOUT_REACH);
    for (const c of tiny.counts) {
      const pill = labelBox(c.x, c.y, [c.text], LABEL_SIZE.narrow);
      expect(drawn.x1 <= pill.x0 || drawn.x0 >= pill.x1 || drawn.y1 <= pill.y0 || drawn.y0 >= pill.y1, c.slug).toBe(true);
    }
  });

  test('a district\'s name is never drawn over a project\'s dot: it moves or is left out', () => {
    const input = (points: MapPoint[]) => ({
      districts: [{ ...WEST, count: 1, href: '/districts/west/' }, { ...EAST, count: 0, href: '/districts/east/' }],
      city: CITY,
      bounds: CITY_BOUNDS,
      points,
    });
    const boxOf = (l: { x: number; y: number; lines: string[]; narrow: boolean }) => labelBox(l.x, l.y, l.lines, l.narrow ? LABEL_SIZE.narrow : LABEL_SIZE.wide);
    const name = cityMap(input([])).labels.find((l) => l.lines[0] === 'Западный')!;
    // A point north of the label point, where the name stands when nothing is in its way.
    const inName = [...Array(40).keys()]
      .map((k) => point('p', 43.21 + k * 0.0002, 76.91))
      .find((p) => {
        const dot = cityMap(input([p])).dots[0]!;
        const box = boxOf(name);
        return dot.x > box.x0 && dot.x < box.x1 && dot.y > box.y0 && dot.y < box.y1;
      })!;
    expect(inName).toBeDefined();
    const model = cityMap(input([inName]));
    const dot = model.dots[0]!;
    const r = DOT_RADIUS.single;
    for (const l of model.labels) {
      const box = boxOf(l);
      expect(dot.x + r <= box.x0 || dot.x - r >= box.x1 || dot.y + r <= box.y0 || dot.y - r >= box.y1, l.lines.join(' ')).toBe(true);
    }
  });

  test('a share-image version highlights one district and draws no text', () => {
    const svg = modelToSvg(cityMap({ districts: [{ ...WEST, count: 0 }, { ...EAST, count: 0 }], city: CITY, bounds: CITY_BOUNDS, points: [], bare: true, highlight: 'east' }));
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.match(/fill="#0b5a6e"/g)).toHaveLength(1);
    expect(svg).not.toContain('<text');
  });
});

const CITY_BOUNDS = { south: 43.2, west: 76.9, north: 43.22, east: 76.94 };

describe('districtMap without context', () => {
  test('draws the district alone: no neighbour, no city edge (a project page’s small map)', () => {
    const model = districtMap({ focus: WEST, districts: [WEST, EAST], city: CITY, points: [point('a', 43.205, 76.905, { href: undefined })], context: false });
    expect(model.areas.map((a) => a.role)).toEqual(['focus']);
    expect(model.edge).toBe('');
    expect(model.labels.map((l) => l.role)).toEqual(['focus']);
    expect(model.marks).toHaveLength(1);
  });
});

describe('projectLocationMap', () => {
  const p = point('a', 43.205, 76.905);

  test('a project with a district: that district, coarse, with the point; neighbours only with context', () => {
    const bare = projectLocationMap({ districts: [WEST, EAST], city: CITY, district: 'west', points: [p], context: false });
    expect(bare.areas.map((a) => [a.slug, a.role])).toEqual([['west', 'focus']]);
    expect(bare.marks).toHaveLength(1);
    const withContext = projectLocationMap({ districts: [WEST, EAST], city: CITY, district: 'west', points: [p], context: true });
    expect(withContext.areas.map((a) => [a.slug, a.role])).toEqual([
      ['east', 'neighbour'],
      ['west', 'focus'],
    ]);
  });

  test('no district named (or one without an outline): the whole city, no district singled out, the point as a mark', () => {
    for (const district of [undefined, 'nowhere']) {
      const model = projectLocationMap({ districts: [WEST, EAST], city: CITY, district, points: [p], context: true });
      expect(model.areas.map((a) => a.role)).toEqual(['district', 'district']);
      expect(model.marks).toHaveLength(1);
    }
  });
});
