/**
 * Static maps drawn at build time: a district with its neighbours and its located projects, and the
 * city with its eight districts. Pure: outlines, points and names go in, a model comes out (shapes as
 * SVG path data, labels and marks in the picture's own units). StaticMap.astro turns a model into
 * inline SVG with links and accessible names; `modelToSvg` turns it into a plain SVG string for the
 * share images.
 *
 * Units: the picture is MAP_WIDTH units wide and is scaled to the width of its box on the page (about
 * 290 px on a 320 px phone, at most 44rem on a wide screen). Sizes that must stay readable or
 * reachable at the narrowest width are chosen for it: marks closer than MARK_SPACING units (24 CSS px
 * at 290 px, the WCAG 2.2 target spacing) are fanned out or grouped, and labels are placed for the
 * larger type the narrow picture uses (see LABEL_SIZE).
 */
import { unionBounds, type Bounds } from './geo.ts';
import { clipRing, fromKm, shapeContains, toKm, type Rect, type Shape } from './shapes.ts';
import polylabel from 'polylabel';
import type { Category, Precision } from './vocabulary.ts';
import { escapeMarkup } from './escape.ts';

export const MAP_WIDTH = 600;
/** Label type size in picture units: `wide` from 450 px of map width up, `narrow` below (CSS container query). */
export const LABEL_SIZE = { wide: 15, narrow: 26 } as const;
/** Marks whose centres are closer than this are fanned out or grouped: 24 CSS px at a 290 px wide map. */
export const MARK_SPACING = 50;
/** At most this many marks are drawn; beyond it, marks are grouped more coarsely. */
export const MAX_MARKS = 150;
/** City-map dots: spacing below which they are grouped, and their cap. */
export const DOT_SPACING = 14;
export const MAX_DOTS = 250;
/** A city-map dot's radius in picture units: one project, or a group of projects close together. */
export const DOT_RADIUS = { single: 4, group: 5.5 } as const;
/** Up to this many overlapping projects are fanned out around their place; more become one numbered circle. */
export const FAN_MAX = 4;
/**
 * How far a city-map name may reach from its district's label point, in radii of the largest circle
 * inside the district. At 1.5 the three small central districts (Almaly, Auezov, Zhetysu) had no name
 * at any width, and on a phone only two of the eight had one, so a reader could not tell which shape
 * was which. At 3 a name may cross its district's edge a little; it still sits right above or below the
 * district's own count, clear of every other name, count and dot.
 */
export const NAME_REACH = 3;

/**
 * How far a name set away from its district (with a line to the count) may stand, in picture units
 * from the count to the name's nearest edge: a district whose name has no room by its count (Auezov,
 * small, central and full of dots) is still named on the map, close by.
 */
export const CALLOUT_REACH = 150;

/** A located project as the static map needs it. */
export interface MapPoint {
  id: string;
  lat: number;
  lon: number;
  category: Category;
  precision: Precision;
  /** Title in the page language (or the language in `titleLang`). */
  title: string;
  titleLang?: string | undefined;
  /** Link to the project page; without it the mark is not a link (the project's own page). */
  href?: string | undefined;
}

/** A district outline as the map needs it. */
export interface MapDistrict {
  slug: string;
  shape: Shape;
  /** A coarser outline for pictures of the whole city, where the fine one would only add bytes. */
  coarse?: Shape | undefined;
  /** Name in the page language, e.g. "Алмалинский район". */
  name: string;
  label: { lat: number; lon: number };
  bounds: Bounds;
}

export type AreaRole = 'focus' | 'neighbour' | 'district';

export interface MapArea {
  slug: string;
  role: AreaRole;
  /** SVG path data in picture units. */
  d: string;
  name: string;
  href?: string | undefined;
  /** City map: shade class (0 = no itemised project) and the count written on the district. */
  shade?: number | undefined;
  count?: number | undefined;
  /** Accessible name of the link, e.g. "Алмалинский район: 12 проектов". */
  linkName?: string | undefined;
}

export interface MapLabel {
  x: number;
  y: number;
  lines: string[];
  role: AreaRole;
  /** Whether it still fits when the picture is narrow (larger type); otherwise hidden there. */
  narrow: boolean;
  /**
   * A name set away from its district, where the district has no room for it: the line that joins it
   * to the district's count, from the count (`x1`, `y1`) to the name's edge in the wide type (`x2`, `y2`)
   * and, for a name also shown on a phone, in the larger type (`narrowX2`, `narrowY2`).
   */
  leader?: { x1: number; y1: number; x2: number; y2: number; narrowX2?: number | undefined; narrowY2?: number | undefined } | undefined;
}

export interface MapCount {
  slug: string;
  x: number;
  y: number;
  text: string;
}

export type MapMark =
  | {
      kind: 'point';
      x: number;
      y: number;
      /** The true place when the mark was moved aside to stay apart from another (a line joins them). */
      from?: { x: number; y: number } | undefined;
      point: MapPoint;
    }
  | { kind: 'group'; x: number; y: number; count: number; ids: string[] };

export interface MapDot {
  x: number;
  y: number;
  /** Projects this dot stands for (more than one: drawn larger). */
  count: number;
  category?: Category | undefined;
  precision?: Precision | undefined;
}

export interface StaticMapModel {
  width: number;
  height: number;
  areas: MapArea[];
  /** The city's edge, as path data. */
  edge: string;
  labels: MapLabel[];
  counts: MapCount[];
  marks: MapMark[];
  dots: MapDot[];
  /** Projects drawn inside a numbered circle rather than as their own mark. */
  grouped: number;
  /** Projects whose mark was moved aside from its true place. */
  moved: number;
  /** Shade classes of a city map: [from, to] counts per class after class 0. */
  shades: Array<[number, number]>;
}

// ─── Projection ──────────────────────────────────────────────────────────────────────────────────

interface Projection {
  width: number;
  height: number;
  /** Picture units per kilometre. */
  perKm: number;
  xy: (p: readonly [number, number]) => [number, number];
  /** The inverse: a point of the picture as { lat, lon }. */
  latLon: (x: number, y: number) => { lat: number; lon: number };
}

/**
 * A frame around `bounds` (plus `pad` of its larger side on every side), widened or heightened so
 * that height / width stays within [minAspect, maxAspect], projected to MAP_WIDTH units.
 */
export function projection(bounds: Bounds, { pad = 0.06, minAspect = 0.6, maxAspect = 1 } = {}): Projection {
  const [x0, y0] = toKm([bounds.west, bounds.south]);
  const [x1, y1] = toKm([bounds.east, bounds.north]);
  const p = pad * Math.max(x1 - x0, y1 - y0);
  let w = x1 - x0 + 2 * p;
  let h = y1 - y0 + 2 * p;
  if (h / w > maxAspect) w = h / maxAspect;
  if (h / w < minAspect) h = w * minAspect;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const left = cx - w / 2;
  const top = cy + h / 2;
  const s = MAP_WIDTH / w;
  return {
    width: MAP_WIDTH,
    height: Math.round(h * s),
    perKm: s,
    xy: (pos) => {
      const [x, y] = toKm(pos);
      return [(x - left) * s, (top - y) * s];
    },
    latLon: (x, y) => {
      const [lon, lat] = fromKm([x / s + left, top - y / s]);
      return { lat, lon };
    },
  };
}

type XY = [number, number];

/** Rounds to whole units and drops repeated points: shared borders round the same way on both sides. */
function roundRing(ring: readonly XY[]): XY[] {
  const out: XY[] = [];
  for (const [x, y] of ring) {
    const p: XY = [Math.round(x), Math.round(y)];
    const last = out.at(-1);
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  if (out.length > 1 && out[0]![0] === out.at(-1)![0] && out[0]![1] === out.at(-1)![1]) out.pop();
  return out;
}

/** Path data for a shape, clipped to `clip` (a rectangle a little larger than the picture). */
function pathOf(shape: Shape, proj: Projection, clip: Rect): string {
  const parts: string[] = [];
  for (const polygon of shape)
    for (const ring of polygon) {
      const r = roundRing(clipRing(ring.map((pos) => proj.xy(pos)), clip));
      if (r.length >= 3) parts.push(`M${r.map(([x, y]) => `${x} ${y}`).join(' ')}Z`);
    }
  return parts.join('');
}

/** The rectangle shapes are clipped to: the picture plus a margin, so cut edges fall outside it. */
function clipRect(proj: Projection, margin = 20): Rect {
  return { x0: -margin, y0: -margin, x1: proj.width + margin, y1: proj.height + margin };
}

// ─── Labels ──────────────────────────────────────────────────────────────────────────────────────

/** A label's lines: a two-word name on two lines ("Алмалинский / район"), one line otherwise. */
export function labelLines(name: string): string[] {
  const words = name.trim().split(/\s+/);
  if (words.length <= 1) return [name.trim()];
  // Split where the two lines are closest in length.
  let best = 1;
  let bestDiff = Infinity;
  for (let i = 1; i < words.length; i++) {
    const diff = Math.abs(words.slice(0, i).join(' ').length - words.slice(i).join(' ').length);
    if (diff < bestDiff) [best, bestDiff] = [i, diff];
  }
  return [words.slice(0, best).join(' '), words.slice(best).join(' ')];
}

/**
 * Estimated box of a label (average glyph width 0.62 em, plus half an em; line height 1.15 em). Cyrillic names set in
 * a wide sans (DejaVu Sans, the fallback on many Linux phones and printers) average about 0.6 em a
 * letter; at 0.56 "Наурызбайский" and "Бостандыкский" touched on the city map.
 */
export function labelBox(x: number, y: number, lines: readonly string[], size: number): Rect {
  let longest = -Infinity;
  for (const line of lines) longest = Math.max(longest, letters(line));
  // Plus half an em: the white halo drawn round each letter, and a gap between two names.
  const w = (longest * 0.62 + 0.5) * size;
  const h = lines.length * size * 1.15;
  return { x0: x - w / 2, y0: y - h / 2, x1: x + w / 2, y1: y + h / 2 };
}

/**
 * The letters of `text` as `[...text].length` counts them (code points), without making that array:
 * the callout search below measures the same names thousands of times a map.
 */
export function letters(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    // A low surrogate after a high one is the second half of the same code point.
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const before = text.charCodeAt(i - 1);
      if (before >= 0xd800 && before <= 0xdbff) continue;
    }
    n += 1;
  }
  return n;
}

const overlaps = (a: Rect, b: Rect) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
/** The point of `box` nearest to (x, y). */
const nearestOn = (box: Rect, x: number, y: number) => ({ x: Math.min(box.x1, Math.max(box.x0, x)), y: Math.min(box.y1, Math.max(box.y0, y)) });
/** Whether the segment from a to b passes through `box` (checked every 2 units along it). */
function crosses(box: Rect, a: { x: number; y: number }, b: { x: number; y: number }): boolean {
  if (Math.max(a.x, b.x) <= box.x0 || Math.min(a.x, b.x) >= box.x1 || Math.max(a.y, b.y) <= box.y0 || Math.min(a.y, b.y) >= box.y1) return false;
  const steps = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / 2));
  for (let i = 0; i <= steps; i += 1) {
    const x = a.x + ((b.x - a.x) * i) / steps;
    const y = a.y + ((b.y - a.y) * i) / steps;
    if (x > box.x0 && x < box.x1 && y > box.y0 && y < box.y1) return true;
  }
  return false;
}
const within = (a: Rect, w: number, h: number, m = 4) => a.x0 >= m && a.y0 >= m && a.x1 <= w - m && a.y1 <= h - m;

/** Pole of inaccessibility of the visible part of a shape, in picture units, with its room. */
function visibleLabelPoint(shape: Shape, proj: Projection): { x: number; y: number; room: number } | undefined {
  const view: Rect = { x0: 0, y0: 0, x1: proj.width, y1: proj.height };
  let best: { x: number; y: number; room: number } | undefined;
  for (const polygon of shape) {
    const rings = polygon.map((ring) => clipRing(ring.map((pos) => proj.xy(pos)), view)).filter((r) => r.length >= 3);
    if (!rings[0]) continue;
    const found = polylabel(rings, 1);
    if (!best || found.distance > best.room) best = { x: found[0]!, y: found[1]!, room: found.distance };
  }
  return best;
}

// ─── Marks ───────────────────────────────────────────────────────────────────────────────────────

interface Placed<T> {
  x: number;
  y: number;
  items: Array<T & { x: number; y: number }>;
}

/**
 * Greedy grouping on a grid: each item joins the nearest group whose first item lies within
 * `spacing`, or starts a new group. Group positions are real item positions, at least `spacing`
 * apart. Deterministic for a given input order.
 */
export function groupNear<T>(items: ReadonlyArray<T & { x: number; y: number }>, spacing: number): Array<Placed<T>> {
  const groups: Array<Placed<T>> = [];
  const grid = new Map<string, Array<Placed<T>>>();
  const key = (cx: number, cy: number) => `${cx}:${cy}`;
  for (const item of items) {
    const cx = Math.floor(item.x / spacing);
    const cy = Math.floor(item.y / spacing);
    let nearest: Placed<T> | undefined;
    let nd = spacing;
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (const g of grid.get(key(cx + dx, cy + dy)) ?? []) {
          const d = Math.hypot(g.x - item.x, g.y - item.y);
          if (d < nd) [nearest, nd] = [g, d];
        }
    if (nearest) nearest.items.push(item);
    else {
      const g: Placed<T> = { x: item.x, y: item.y, items: [item] };
      groups.push(g);
      const list = grid.get(key(cx, cy)) ?? [];
      list.push(g);
      grid.set(key(cx, cy), list);
    }
  }
  return groups;
}

/** Groups with `spacing`, widening it until at most `max` groups remain. */
function groupCapped<T>(items: ReadonlyArray<T & { x: number; y: number }>, spacing: number, max: number): { groups: Array<Placed<T>>; spacing: number } {
  let s = spacing;
  let groups = groupNear(items, s);
  while (groups.length > max) {
    s *= 1.4;
    groups = groupNear(items, s);
  }
  return { groups, spacing: s };
}

/**
 * Marks for located projects: one linked mark per project where marks stay `spacing` apart; a few
 * overlapping ones fanned out around their place (with a line to it); more, one numbered circle.
 */
export function layoutMarks(points: readonly MapPoint[], proj: Projection, spacing = MARK_SPACING, max = MAX_MARKS): { marks: MapMark[]; grouped: number; moved: number } {
  const items = [...points]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((point) => {
      const [x, y] = proj.xy([point.lon, point.lat]);
      return { point, x, y };
    });
  const { groups, spacing: s } = groupCapped(items, spacing, max);
  const marks: MapMark[] = [];
  const taken: XY[] = groups.map((g) => [g.x, g.y]);
  const inside = ([x, y]: XY) => x >= s / 4 && y >= s / 4 && x <= proj.width - s / 4 && y <= proj.height - s / 4;
  let grouped = 0;
  let moved = 0;
  groups.forEach((g, gi) => {
    const n = g.items.length;
    const only = g.items[0];
    if (n === 1 && only) {
      marks.push({ kind: 'point', x: r1(g.x), y: r1(g.y), point: only.point });
      return;
    }
    if (n <= FAN_MAX) {
      // Around the group's place, on a circle just wide enough to keep neighbours `s` apart.
      const radius = s / (2 * Math.sin(Math.PI / n));
      const spots: XY[] = g.items.map((_, i) => {
        const a = -Math.PI / 2 + (2 * Math.PI * i) / n + (n === 2 ? Math.PI / 2 : 0);
        return [g.x + radius * Math.cos(a), g.y + radius * Math.sin(a)];
      });
      const clear = spots.every(
        (p) => inside(p) && taken.every((q, qi) => qi === gi || Math.hypot(p[0] - q[0], p[1] - q[1]) >= s),
      );
      if (clear) {
        taken.push(...spots);
        g.items.forEach((item, i) => {
          const [x, y] = spots[i]!;
          marks.push({ kind: 'point', x: r1(x), y: r1(y), from: { x: r1(item.x), y: r1(item.y) }, point: item.point });
        });
        moved += n;
        return;
      }
    }
    grouped += n;
    marks.push({ kind: 'group', x: r1(g.x), y: r1(g.y), count: n, ids: g.items.map((i) => i.point.id) });
  });
  return { marks, grouped, moved };
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/** City-map dots: one per located project, grouped into a larger dot where they would overlap. */
export function layoutDots(points: ReadonlyArray<Pick<MapPoint, 'id' | 'lat' | 'lon' | 'category' | 'precision'>>, proj: Projection): { dots: MapDot[]; grouped: number } {
  const items = [...points]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((p) => {
      const [x, y] = proj.xy([p.lon, p.lat]);
      return { p, x, y };
    });
  const { groups } = groupCapped(items, DOT_SPACING, MAX_DOTS);
  let grouped = 0;
  const dots = groups.map((g): MapDot => {
    const first = g.items[0]!.p;
    if (g.items.length > 1) grouped += g.items.length;
    return g.items.length === 1
      ? { x: r1(g.x), y: r1(g.y), count: 1, category: first.category, precision: first.precision }
      : { x: r1(g.x), y: r1(g.y), count: g.items.length };
  });
  return { dots, grouped };
}

// ─── Maps ────────────────────────────────────────────────────────────────────────────────────────

export interface DistrictMapInput {
  focus: MapDistrict;
  /** Every district (the focus among them): the others are drawn faint, with their names where they fit. */
  districts: readonly MapDistrict[];
  city: Shape;
  points: readonly MapPoint[];
  /** Draw the coarser outlines (a small map, e.g. on a project page): a third of the bytes. */
  coarse?: boolean | undefined;
  /** Draw the neighbours and the city's edge around the district (false: the district alone). */
  context?: boolean | undefined;
}

/**
 * A district's map: its outline framed with a margin, the neighbours faint and named where a name
 * fits, the city's edge, and a mark per located project.
 */
/** What a district's map draws whatever its marks: the frame, the outlines as paths, where names could go. */
interface DistrictBase {
  proj: Projection;
  focusPath: string;
  edge: string;
  others: Array<{ slug: string; path: string; spot: { x: number; y: number; room: number } | undefined }>;
}

/**
 * Bases already drawn, by the focus outline and then the city outline (object identity: the build
 * simplifies the outlines once). A project page draws its district's map with one mark; at 10,000
 * projects the same eight bases would otherwise be clipped and labelled again tens of thousands of times.
 */
const bases = new WeakMap<Shape, WeakMap<Shape, DistrictBase>>();

function districtBase(focus: MapDistrict, allDistricts: readonly MapDistrict[], city: Shape, coarse: boolean, context: boolean): DistrictBase {
  const districts = context ? allDistricts : [];
  const outline = (d: MapDistrict) => (coarse ? (d.coarse ?? d.shape) : d.shape);
  const byCity = bases.get(outline(focus)) ?? new WeakMap<Shape, DistrictBase>();
  bases.set(outline(focus), byCity);
  // Without context, the base is keyed by the focus outline itself (no city edge is drawn).
  const key = context ? city : outline(focus);
  const cached = byCity.get(key);
  if (cached) return cached;
  const proj = projection(focus.bounds);
  const clip = clipRect(proj);
  const base: DistrictBase = {
    proj,
    focusPath: pathOf(outline(focus), proj, clip),
    edge: context ? pathOf(city, proj, clip) : '',
    others: districts
      .filter((d) => d.slug !== focus.slug)
      .map((d) => ({ slug: d.slug, path: pathOf(outline(d), proj, clip), spot: visibleLabelPoint(outline(d), proj) }))
      .filter((o) => o.path !== ''),
  };
  byCity.set(key, base);
  return base;
}

export function districtMap({ focus, districts, city, points, coarse = false, context = true }: DistrictMapInput): StaticMapModel {
  const base = districtBase(focus, districts, city, coarse, context);
  const { proj } = base;
  const areas: MapArea[] = [];
  const labels: MapLabel[] = [];
  const occupied: Rect[] = [];

  const { marks, grouped, moved } = layoutMarks(points, proj);
  const markBoxes: Rect[] = marks.map((m) => ({ x0: m.x - 14, y0: m.y - 14, x1: m.x + 14, y1: m.y + 14 }));

  // The district's name at its label point or, where marks cover that, at the nearest spot below or
  // above it (then beside it) that is still inside the district and clear of every mark.
  const [lx, ly] = proj.xy([focus.label.lon, focus.label.lat]);
  const focusLines = labelLines(focus.name);
  const size = LABEL_SIZE.narrow * 1.1;
  const step = size * 1.2;
  const spots: Array<[number, number]> = [[0, 0], [0, step], [0, -step], [0, 2 * step], [0, -2 * step], [3 * step, 0], [-3 * step, 0], [0, 3 * step], [0, -3 * step]];
  const [fx, fy] =
    spots
      .map(([dx, dy]): [number, number] => [lx + dx, ly + dy])
      .find(([x, y]) => {
        const box = labelBox(x, y, focusLines, size);
        return within(box, proj.width, proj.height) && shapeContains(focus.shape, proj.latLon(x, y)) && !markBoxes.some((b) => overlaps(b, box));
      }) ?? [lx, ly];
  labels.push({ x: r1(fx), y: r1(fy), lines: focusLines, role: 'focus', narrow: true });
  occupied.push(labelBox(fx, fy, focusLines, size), ...markBoxes);

  // Neighbours with the most room are named first.
  const nameOf = (slug: string) => districts.find((d) => d.slug === slug)?.name ?? slug;
  for (const o of base.others) areas.push({ slug: o.slug, role: 'neighbour', d: o.path, name: nameOf(o.slug) });
  areas.push({ slug: focus.slug, role: 'focus', d: base.focusPath, name: focus.name });

  for (const o of [...base.others].sort((a, b) => (b.spot?.room ?? 0) - (a.spot?.room ?? 0))) {
    if (!o.spot) continue;
    const lines = labelLines(nameOf(o.slug));
    const place = (size: number) => {
      const box = labelBox(o.spot!.x, o.spot!.y, lines, size);
      return within(box, proj.width, proj.height) && !occupied.some((b) => overlaps(b, box)) ? box : undefined;
    };
    const narrow = place(LABEL_SIZE.narrow);
    const wide = narrow ?? place(LABEL_SIZE.wide);
    if (!wide) continue;
    occupied.push(wide);
    labels.push({ x: r1(o.spot.x), y: r1(o.spot.y), lines, role: 'neighbour', narrow: !!narrow });
  }

  return {
    width: proj.width,
    height: proj.height,
    areas,
    edge: base.edge,
    labels,
    counts: [],
    marks,
    dots: [],
    grouped,
    moved,
    shades: [],
  };
}

/**
 * Shade classes for counts: class 0 is "none itemised"; up to four classes of equal width cover
 * 1…max. Returns the [from, to] range of classes 1…n.
 */
export function shadeClasses(max: number, classes = 4): Array<[number, number]> {
  if (max <= 0) return [];
  const n = Math.min(classes, max);
  const step = Math.ceil(max / n);
  const out: Array<[number, number]> = [];
  for (let from = 1; from <= max; from += step) out.push([from, Math.min(max, from + step - 1)]);
  return out;
}

/** The class (0 for none) of a count. */
export function shadeOf(count: number, shades: ReadonlyArray<[number, number]>): number {
  if (count <= 0) return 0;
  const i = shades.findIndex(([, to]) => count <= to);
  return i < 0 ? shades.length : i + 1;
}

export interface CityMapInput {
  districts: ReadonlyArray<MapDistrict & { count: number; href?: string | undefined; linkName?: string | undefined; roomKm?: number | undefined }>;
  city: Shape;
  bounds: Bounds;
  /** Located projects, drawn as dots (the districts are the links). */
  points: ReadonlyArray<Pick<MapPoint, 'id' | 'lat' | 'lon' | 'category' | 'precision'>>;
  /** Leave out names and counts (a small picture, e.g. a share image). */
  bare?: boolean;
  /** A district to draw highlighted (share images). */
  highlight?: string | undefined;
  /** Projects drawn as marks rather than dots (a project page's own point). */
  marks?: readonly MapPoint[] | undefined;
}

/**
 * One located project's map, as its page and its share card both draw it: its district's coarser
 * outline with the project's point, or the whole city with the point and no district singled out where
 * no source names the district (or names one without an outline). `context` draws the neighbouring
 * districts faint around the district: the share card does, the page's small map does not.
 */
export function projectLocationMap({ districts, city, district, points, context }: { districts: readonly MapDistrict[]; city: Shape; district: string | undefined; points: readonly MapPoint[]; context: boolean }): StaticMapModel {
  const focus = districts.find((d) => d.slug === district);
  if (focus) return districtMap({ focus, districts, city, points, coarse: true, context });
  return cityMap({
    districts: districts.map((d) => ({ ...d, count: 0 })),
    city,
    bounds: unionBounds(districts.map((d) => d.bounds))!,
    points: [],
    bare: true,
    marks: points,
  });
}

/**
 * Where a name with no room by its count goes instead (a callout): of the places on an 8-unit grid
 * within CALLOUT_REACH of the count, the nearest where the name is inside the picture and clear of every
 * name, count and dot, and where the line from the count to it crosses none of them but the count's own
 * pill (`own`, one of `occupied`). Undefined when there is none.
 */
function calloutSpot(x: number, y: number, lines: string[], size: number, occupied: readonly Rect[], own: Rect, proj: Projection): Rect | undefined {
  const others = occupied.filter((b) => b !== own);
  // A name placed in the phone's type is also drawn in the wide type (on a wider screen), with a line
  // of its own: both lines must keep clear.
  const sizes = size === LABEL_SIZE.narrow ? [LABEL_SIZE.narrow, LABEL_SIZE.wide] : [size];
  const candidates: Array<{ cx: number; cy: number; gap: number; ends: Array<{ x: number; y: number }> }> = [];
  // Centres on an 8-unit grid, as far from the count as a name may reach, plus its half-width or half-height.
  const half = labelBox(0, 0, lines, size);
  const spanX = CALLOUT_REACH + half.x1;
  const spanY = CALLOUT_REACH + half.y1;
  const start = (v: number, span: number) => Math.max(0, Math.ceil((v - span) / 8) * 8);
  // Plain loops, and each line's letters counted once: with every project's dot among `occupied`, this
  // runs over thousands of boxes for each of a thousand places, and the closures and {x, y} objects
  // once made inside those loops, one per dot per place, were hundreds of megabytes of a 2,000-project
  // build's allocations.
  const counts = lines.map(letters);
  for (let cy = start(y, spanY); cy <= Math.min(proj.height, y + spanY); cy += 8) {
    for (let cx = start(x, spanX); cx <= Math.min(proj.width, x + spanX); cx += 8) {
      const ends = sizes.map((s) => leaderEnd(cx, cy, counts, s, x, y));
      let gap = -Infinity;
      for (const e of ends) gap = Math.max(gap, Math.hypot(e.x - x, e.y - y));
      if (gap <= CALLOUT_REACH) candidates.push({ cx, cy, gap, ends });
    }
  }
  // The nearest first; the first that fits is the answer.
  candidates.sort((a, b) => a.gap - b.gap || a.cy - b.cy || a.cx - b.cx);
  const from = { x, y };
  next: for (const { cx, cy, ends } of candidates) {
    const box = labelBox(cx, cy, lines, size);
    // Kept a third of an em clear of the rest: the box is an estimate of the text (labelBox), and
    // the nearest free place is otherwise right against a neighbour's name.
    const clear = { x0: box.x0 - size / 3, y0: box.y0 - size / 3, x1: box.x1 + size / 3, y1: box.y1 + size / 3 };
    if (!within(box, proj.width, proj.height) || overlaps(own, clear)) continue;
    for (let i = 0; i < others.length; i += 1) if (overlaps(others[i]!, clear)) continue next;
    for (let i = 0; i < others.length; i += 1) for (let j = 0; j < ends.length; j += 1) if (crosses(others[i]!, from, ends[j]!)) continue next;
    return box;
  }
  return undefined;
}

/**
 * Where the line from (x, y) to a name centred on (cx, cy), whose lines have `letterCounts` letters,
 * ends: at the nearest of its lines' letters, so that a line reaching a two-line name from below meets
 * its shorter second line and not the empty corner beside it. Each line is taken as half an em a letter, narrower than labelBox's estimate (0.62),
 * so that the line reaches the letters rather than stopping short of a narrow name ("district"); where
 * it runs into a wider one, the white halo drawn round the letters covers its end.
 */
function leaderEnd(cx: number, cy: number, letterCounts: readonly number[], size: number, x: number, y: number): { x: number; y: number } {
  const lineHeight = size * 1.15;
  const top = cy - (letterCounts.length * lineHeight) / 2;
  let best = { x: cx, y: cy };
  let gap = Infinity;
  letterCounts.forEach((count, i) => {
    const w = count * 0.5 * size;
    const end = nearestOn({ x0: cx - w / 2, y0: top + i * lineHeight + size * 0.1, x1: cx + w / 2, y1: top + (i + 1) * lineHeight - size * 0.1 }, x, y);
    const d = Math.hypot(end.x - x, end.y - y);
    if (d < gap) [best, gap] = [end, d];
  });
  return best;
}

/**
 * A district's name placed by `fit`: the full name on two lines, or else its first word alone
 * ("Бостандыкский" without "район"), in the phone's larger type (shown at every width) or else in the
 * wide type only. The first that fits, or undefined.
 */
function fitName(name: string, fit: (lines: string[], size: number) => Rect | undefined): { lines: string[]; box: Rect; narrow: boolean } | undefined {
  const choices = [labelLines(name), [name.trim().split(/\s+/)[0] ?? name]];
  for (const [size, narrow] of [[LABEL_SIZE.narrow, true], [LABEL_SIZE.wide, false]] as const) {
    for (const lines of choices) {
      const box = fit(lines, size);
      if (box) return { lines, box, narrow };
    }
  }
  return undefined;
}

/** The city: eight districts shaded by count, each a link with its count written on it, and dots for located projects. */
export function cityMap({ districts, city, bounds, points, bare = false, highlight, marks: markPoints = [] }: CityMapInput): StaticMapModel {
  const proj = projection(bounds, { pad: 0.02, minAspect: 0.6, maxAspect: 1.3 });
  const clip = clipRect(proj);
  const shades = shadeClasses(Math.max(0, ...districts.map((d) => d.count)));
  const areas: MapArea[] = districts.map((d) => ({
    slug: d.slug,
    role: d.slug === highlight ? 'focus' : 'district',
    d: pathOf(d.coarse ?? d.shape, proj, clip),
    name: d.name,
    href: d.href,
    shade: shadeOf(d.count, shades),
    count: d.count,
    linkName: d.linkName,
  }));
  const labels: MapLabel[] = [];
  const counts: MapCount[] = [];
  const { dots, grouped } = bare ? { dots: [], grouped: 0 } : layoutDots(points, proj);
  if (!bare) {
    const occupied: Rect[] = [];
    // Counts first (every district gets one), at the label point; names above them where they fit.
    const countBoxes = new Map<string, Rect>();
    for (const d of districts) {
      const [x, y] = proj.xy([d.label.lon, d.label.lat]);
      counts.push({ slug: d.slug, x: r1(x), y: r1(y), text: String(d.count) });
      const box = labelBox(x, y, [String(d.count)], LABEL_SIZE.narrow);
      countBoxes.set(d.slug, box);
      occupied.push(box);
    }
    // A name never covers a project's dot (the names' white halo hid a dot under "Әуезов"): a dot is
    // data, the name is also the district's link name and in the table beside the map.
    for (const dot of dots) {
      const r = (dot.count > 1 ? DOT_RADIUS.group : DOT_RADIUS.single) + 2;
      occupied.push({ x0: dot.x - r, y0: dot.y - r, x1: dot.x + r, y1: dot.y + r });
    }
    const unnamed: Array<(typeof districts)[number]> = [];
    for (const d of districts) {
      const [x, y] = proj.xy([d.label.lon, d.label.lat]);
      // Room around the label point: the radius of the largest circle inside the district.
      const room = (d.roomKm ?? Infinity) * proj.perKm;
      const place = (lines: string[], size: number) => {
        // Just above the count's pill (as drawn on a phone) or else just below it, inside the picture,
        // near the district (NAME_REACH), clear of every other label and of the dots.
        const h = lines.length * size * 1.15;
        for (const dy of [-17 - h / 2, 17 + h / 2]) {
          const box = labelBox(x, y + dy, lines, size);
          const reach = Math.hypot((box.x1 - box.x0) / 2, Math.max(Math.abs(y - box.y0), Math.abs(box.y1 - y)));
          if (reach <= room * NAME_REACH && within(box, proj.width, proj.height) && !occupied.some((b) => overlaps(b, box))) return box;
        }
        return undefined;
      };
      const choice = fitName(d.name, place);
      if (choice) {
        occupied.push(choice.box);
        labels.push({ x: r1(x), y: r1((choice.box.y0 + choice.box.y1) / 2), lines: choice.lines, role: 'district', narrow: choice.narrow });
      } else unnamed.push(d);
    }
    // Names with no room by their counts, once every other name has its place: each stands a little
    // way off, with a line to its count.
    for (const d of unnamed) {
      const [x, y] = proj.xy([d.label.lon, d.label.lat]);
      const own = countBoxes.get(d.slug)!;
      const callout = fitName(d.name, (lines, size) => calloutSpot(x, y, lines, size, occupied, own, proj));
      if (!callout) continue;
      occupied.push(callout.box);
      const cx = (callout.box.x0 + callout.box.x1) / 2;
      const cy = (callout.box.y0 + callout.box.y1) / 2;
      const counts = callout.lines.map(letters);
      const wideEnd = leaderEnd(cx, cy, counts, LABEL_SIZE.wide, x, y);
      const narrowEnd = callout.narrow ? leaderEnd(cx, cy, counts, LABEL_SIZE.narrow, x, y) : undefined;
      labels.push({
        x: r1(cx),
        y: r1(cy),
        lines: callout.lines,
        role: 'district',
        narrow: callout.narrow,
        leader: { x1: r1(x), y1: r1(y), x2: r1(wideEnd.x), y2: r1(wideEnd.y), narrowX2: narrowEnd && r1(narrowEnd.x), narrowY2: narrowEnd && r1(narrowEnd.y) },
      });
    }
  }
  const marked = layoutMarks(markPoints, proj);
  return {
    width: proj.width,
    height: proj.height,
    areas,
    edge: pathOf(city, proj, clip),
    labels,
    counts,
    marks: marked.marks,
    dots,
    grouped: grouped + marked.grouped,
    moved: marked.moved,
    shades,
  };
}

// ─── Plain SVG (share images) ────────────────────────────────────────────────────────────────────

const esc = escapeMarkup;

/** Fill colours of the shade classes, lightest (none) to darkest: the site's brand teal. */
export const SHADE_FILLS = ['#ffffff', '#d7e9ee', '#a3cbd6', '#5e9fb1', '#21697e'] as const;

/**
 * The model as a self-contained SVG string with its colours inline (no page CSS): outlines only,
 * for a share image. The highlighted district is drawn in the brand colour.
 */
export function modelToSvg(model: StaticMapModel, { highlight = '#0b5a6e', other = '#dfe5e8', line = '#ffffff', edge = '#1b1f23' } = {}): string {
  const areas = model.areas
    .map((a) => `<path d="${esc(a.d)}" fill="${a.role === 'focus' ? highlight : other}" stroke="${line}" stroke-width="3" stroke-linejoin="round"/>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${model.width} ${model.height}" width="${model.width}" height="${model.height}">${areas}<path d="${esc(model.edge)}" fill="none" stroke="${edge}" stroke-width="3" stroke-linejoin="round"/></svg>`;
}
